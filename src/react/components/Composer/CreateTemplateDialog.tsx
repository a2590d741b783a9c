import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { FormEvent } from 'react';
import { isTransportError } from '../../../core/TransportError';
import { CONTEXT_VARIABLES } from '../../../core/templates';
import type { TemplateCategory } from '../../../core/types';
import { useCreateTemplate } from '../../hooks/useCreateTemplate';
import { useMessaging } from '../../MessagingProvider';
import { Dialog } from '../primitives/Dialog';
import { TEMPLATE_CATEGORIES, categoryLabel } from './templateUtils';
import { StringsScope } from '../../strings/StringsScope';
import { composer } from '../../strings/en/composer';

/** Props of {@link CreateTemplateDialog}. */
export interface CreateTemplateDialogProps {
  open: boolean;
  onClose: () => void;
  /** Text to start the content with (e.g. the current draft). @defaultValue '' */
  initialContent?: string;
  className?: string;
}

/**
 * A modal to create a template: name, category and content, with buttons
 * that insert the known `{{variables}}` at the caret. Works outside a
 * `Composer` too, so it brings the composer's English strings.
 */
export function CreateTemplateDialog(props: CreateTemplateDialogProps) {
  return (
    <StringsScope strings={composer}>
      <CreateTemplateDialogBody {...props} />
    </StringsScope>
  );
}

function CreateTemplateDialogBody({
  open,
  onClose,
  initialContent = '',
  className,
}: CreateTemplateDialogProps) {
  const { theme } = useMessaging('Composer.CreateTemplateDialog');
  if (!open || typeof document === 'undefined') return null;
  // Portalled: the composer is itself a <form>, and forms cannot nest.
  return createPortal(
    <div className="ik-root ik-composer__portal" data-theme={theme}>
      <CreateTemplateForm
        onClose={onClose}
        initialContent={initialContent}
        {...(className ? { className } : {})}
      />
    </div>,
    document.body,
  );
}

function CreateTemplateForm({
  onClose,
  initialContent,
  className,
}: {
  onClose: () => void;
  initialContent: string;
  className?: string;
}) {
  const { t, announce } = useMessaging('Composer.CreateTemplateDialog');
  const create = useCreateTemplate();
  const [name, setName] = useState('');
  const [category, setCategory] = useState<TemplateCategory>('other');
  const [content, setContent] = useState(initialContent);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const contentRef = useRef<HTMLTextAreaElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  const insertVariable = (v: string) => {
    const el = contentRef.current;
    const token = `{{${v}}}`;
    const from = el?.selectionStart ?? content.length;
    const to = el?.selectionEnd ?? content.length;
    setContent(content.slice(0, from) + token + content.slice(to));
    setTimeout(() => {
      el?.focus();
      el?.setSelectionRange(from + token.length, from + token.length);
    }, 0);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = t('fieldRequired');
    if (!content.trim()) next.content = t('fieldRequired');
    setErrors(next);
    if (next.name) return nameRef.current?.focus();
    if (next.content) return contentRef.current?.focus();
    create.mutate(
      { name: name.trim(), category, content: content.trim() },
      {
        onSuccess: (tpl) => {
          onClose();
          announce(t('templateCreated', { name: tpl.name }), { delayMs: 300 });
        },
        onError: (error) => {
          const fields: Record<string, string> = { form: error.message || t('errorGeneric') };
          if (isTransportError(error)) for (const f of error.fieldErrors ?? []) fields[f.field] = f.message;
          setErrors(fields);
        },
      },
    );
  };

  const describe = (field: string) => (errors[field] ? `ik-new-tpl-${field}-error` : undefined);
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('templateCreate')}
      className={className}
      data-slot="create-template-dialog"
    >
      <form className="ik-composer__create" onSubmit={submit} noValidate>
        <div className="ik-composer__create-field">
          <label htmlFor="ik-new-tpl-name">{t('templateName')}</label>
          <input
            ref={nameRef}
            id="ik-new-tpl-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            aria-invalid={!!errors.name || undefined}
            aria-describedby={describe('name')}
          />
          {errors.name ? (
            <p id="ik-new-tpl-name-error" className="ik-composer__error">
              {errors.name}
            </p>
          ) : null}
        </div>
        <div className="ik-composer__create-field">
          <label htmlFor="ik-new-tpl-category">{t('templateCategory')}</label>
          <select
            id="ik-new-tpl-category"
            value={category}
            onChange={(e) => setCategory(e.target.value as TemplateCategory)}
          >
            {TEMPLATE_CATEGORIES.map((cat) => (
              <option key={cat} value={cat}>
                {categoryLabel(cat, t)}
              </option>
            ))}
          </select>
        </div>
        <div className="ik-composer__create-field">
          <label htmlFor="ik-new-tpl-content">{t('templateContent')}</label>
          <textarea
            ref={contentRef}
            id="ik-new-tpl-content"
            rows={4}
            value={content}
            onChange={(e) => setContent(e.target.value)}
            required
            aria-invalid={!!errors.content || undefined}
            aria-describedby={['ik-new-tpl-hint', describe('content')].filter(Boolean).join(' ')}
          />
          <p id="ik-new-tpl-hint" className="ik-composer__hint">
            {t('templateVariableHint')}
          </p>
          {errors.content ? (
            <p id="ik-new-tpl-content-error" className="ik-composer__error">
              {errors.content}
            </p>
          ) : null}
          <div
            className="ik-composer__variable-buttons"
            role="group"
            aria-label={t('templateInsertVariable')}
          >
            {CONTEXT_VARIABLES.map((v) => (
              <button
                key={v}
                type="button"
                className="ik-button"
                data-variant="ghost"
                onClick={() => insertVariable(v)}
              >
                {`{{${v}}}`}
              </button>
            ))}
          </div>
        </div>
        {errors.form ? <p className="ik-composer__error">{errors.form}</p> : null}
        <div className="ik-dialog__actions">
          <button type="button" className="ik-button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="ik-button" data-variant="primary" disabled={create.isPending}>
            {t('save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
