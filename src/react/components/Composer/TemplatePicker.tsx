import { forwardRef, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { Template } from '../../../core/types';
import { useTemplates } from '../../hooks/useTemplates';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { useComposerContext } from './ComposerContext';
import { TemplateListbox, templateOptionId } from './TemplateListbox';
import { filterTemplates } from './templateUtils';

/** Props of {@link TemplatePicker}. */
export type TemplatePickerProps = ComponentPropsWithoutRef<'div'>;

/**
 * "Templates": a button opening an APG combobox (an `<input>` filtering a
 * listbox by name and category). Enter inserts the active template into the
 * message; Esc closes and returns focus to the button. Hidden where the
 * backend has no templates.
 */
export const TemplatePicker = forwardRef<HTMLDivElement, TemplatePickerProps>(function TemplatePicker(
  { className, onBlur, ...rest },
  ref,
) {
  const { t, announce } = useMessaging('Composer.TemplatePicker');
  const c = useComposerContext('Composer.TemplatePicker');
  const { data: templates } = useTemplates();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const button = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const base = useId().replace(/:/g, '');
  const popupId = `ik-tpl${base}-popup`;
  const listId = `ik-tpl${base}-list`;
  const inputId = `ik-tpl${base}-input`;
  const options = useMemo(() => filterTemplates(templates ?? [], query, t), [templates, query, t]);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  useEffect(() => {
    if (!open || !templates) return;
    const timer = setTimeout(
      () => announce(options.length ? t.plural('templatesFound', options.length) : t('noTemplates')),
      500,
    );
    return () => clearTimeout(timer);
  }, [open, templates, options.length, announce, t]);

  if (!c.templatesEnabled) return null;

  const close = (focusButton: boolean) => {
    setOpen(false);
    setQuery('');
    setActive(-1);
    if (focusButton) button.current?.focus();
  };
  const choose = (tpl: Template) => {
    close(false);
    c.insertTemplate(tpl);
  };

  return (
    <div
      ref={ref}
      className={cx('ik-composer__picker', className)}
      data-slot="template-picker"
      data-state={open ? 'open' : 'closed'}
      onBlur={(e) => {
        onBlur?.(e);
        if (open && e.relatedTarget instanceof Node && !e.currentTarget.contains(e.relatedTarget))
          close(false);
      }}
      {...rest}
    >
      <button
        ref={button}
        type="button"
        className="ik-button ik-icon-button ik-composer__templates-button"
        data-variant="ghost"
        aria-expanded={open}
        aria-controls={open ? popupId : undefined}
        disabled={!c.conversationId}
        onClick={() => (open ? close(true) : setOpen(true))}
      >
        {/* A text-snippet icon; the name is the tooltip, so the field keeps its width on phones. */}
        <svg
          aria-hidden="true"
          width="18"
          height="18"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M4 5h16v11H9l-5 4V5Z" />
          <path d="M8 9h8M8 12h5" />
        </svg>
        <span className="ik-tooltip">{t('templates')}</span>
      </button>
      {open ? (
        <div id={popupId} className="ik-composer__picker-popup" data-slot="template-picker-popup">
          <label htmlFor={inputId} className="ik-composer__picker-label">
            {t('templateSearch')}
          </label>
          <input
            ref={input}
            id={inputId}
            type="text"
            role="combobox"
            autoComplete="off"
            className="ik-composer__picker-input"
            aria-autocomplete="list"
            aria-expanded="true"
            aria-controls={listId}
            aria-activedescendant={
              active >= 0 && options[active] ? templateOptionId(listId, active) : undefined
            }
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(-1);
            }}
            onKeyDown={(e) => {
              const n = options.length;
              if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                if (n) setActive((i) => (e.key === 'ArrowDown' ? (i + 1) % n : i <= 0 ? n - 1 : i - 1));
              } else if (e.key === 'Enter') {
                e.preventDefault();
                const tpl = options[active >= 0 ? active : 0];
                if (tpl) choose(tpl);
              } else if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                close(true);
              }
            }}
          />
          {templates ? (
            <TemplateListbox id={listId} options={options} active={active} onChoose={choose} />
          ) : (
            <p className="ik-composer__picker-loading">{t('loading')}</p>
          )}
        </div>
      ) : null}
    </div>
  );
});
