import { forwardRef, useImperativeHandle, useLayoutEffect, useRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { useComposerContext, useComposerText } from './ComposerContext';
import { TemplateListbox, templateOptionId } from './TemplateListbox';
import { useSlashTemplates } from './useSlashTemplates';

/** Props of {@link ComposerInput}; rest props go to the `<textarea>`. */
export type ComposerInputProps = Omit<ComponentPropsWithoutRef<'textarea'>, 'value' | 'defaultValue'>;

/**
 * The message field: an autosizing textarea with one stable name ("Message")
 * and a stable description (mode and keys). Enter sends, Shift+Enter adds a
 * line, nothing is sent while an IME is composing; `/` opens the template
 * popup; pasted images are attached.
 */
export const ComposerInput = forwardRef<HTMLTextAreaElement, ComposerInputProps>(function ComposerInput(
  { className, onKeyDown, onChange, onPaste, onBlur, onCompositionStart, onCompositionEnd, ...rest },
  forwardedRef,
) {
  const { t } = useMessaging('Composer.Input');
  const c = useComposerContext('Composer.Input');
  const draft = useComposerText('Composer.Input');
  useImperativeHandle(forwardedRef, () => c.inputRef.current!);
  const composing = useRef(false);
  const slash = useSlashTemplates({ enabled: c.templatesEnabled, onChoose: c.insertTemplate });

  // Autosize: grow with the text; CSS caps the height (about 40% of the pane), then it scrolls.
  useLayoutEffect(() => {
    const el = c.inputRef.current;
    if (!el) return;
    // Empty (as right after a send): the one-row CSS height, without reading layout, which
    // would force a synchronous layout in the commit that shows the optimistic message.
    if (!draft.text) {
      el.style.height = '';
      return;
    }
    el.style.height = 'auto';
    if (el.scrollHeight) el.style.height = `${el.scrollHeight}px`;
  }, [draft.text, c.inputRef]);

  const name = c.conversation?.counterpart.name;
  const mode =
    c.mode === 'note'
      ? t('composerHintNote')
      : name && c.channels.sms
        ? t('composerHintSms', { name })
        : name && c.channels.email
          ? t('composerHintEmail', { name })
          : '';
  const keys = c.templatesEnabled ? t('composerHintTemplates') : t('composerHint');

  return (
    <div className="ik-composer__field" data-slot="composer-field">
      <label htmlFor={c.ids.input} className="ik-sr-only">
        {t('messageLabel')}
      </label>
      <textarea
        ref={c.inputRef}
        id={c.ids.input}
        rows={1}
        value={draft.text}
        disabled={!c.conversationId}
        className={cx('ik-composer__input', className)}
        data-slot="composer-input"
        aria-describedby={c.ids.hint}
        aria-autocomplete={c.templatesEnabled ? 'list' : undefined}
        aria-controls={slash.open ? c.ids.popup : undefined}
        aria-activedescendant={
          slash.open && slash.active >= 0 ? templateOptionId(c.ids.popup, slash.active) : undefined
        }
        onChange={(e) => {
          onChange?.(e);
          if (e.defaultPrevented) return;
          draft.setText(e.target.value);
          slash.update(e.target.value, e.target.selectionStart ?? e.target.value.length);
        }}
        onKeyDown={(e) => {
          onKeyDown?.(e);
          if (e.defaultPrevented) return;
          if (composing.current || e.nativeEvent.isComposing || e.keyCode === 229) return;
          if (slash.onKeyDown(e)) return;
          if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
            e.preventDefault();
            c.submit();
          }
        }}
        onCompositionStart={(e) => {
          composing.current = true;
          onCompositionStart?.(e);
        }}
        onCompositionEnd={(e) => {
          composing.current = false;
          onCompositionEnd?.(e);
        }}
        onBlur={(e) => {
          onBlur?.(e);
          slash.close();
        }}
        onPaste={(e) => {
          onPaste?.(e);
          if (e.defaultPrevented || !c.attachmentsEnabled) return;
          const images = Array.from(e.clipboardData?.files ?? []).filter((f) => f.type.startsWith('image/'));
          if (images.length === 0) return;
          if (!e.clipboardData.getData('text/plain')) e.preventDefault();
          c.addFiles(images);
        }}
        {...rest}
      />
      <span id={c.ids.hint} className="ik-sr-only">
        {mode ? `${mode} ${keys}` : keys}
      </span>
      {slash.open ? (
        <TemplateListbox
          id={c.ids.popup}
          options={slash.options}
          active={slash.active}
          onChoose={slash.choose}
        />
      ) : null}
    </div>
  );
});
