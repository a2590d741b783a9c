import { forwardRef, useRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { useComposerContext } from './ComposerContext';

/** Props of {@link AttachButton}. */
export type AttachButtonProps = ComponentPropsWithoutRef<'button'>;

/**
 * "Attach files": a button opening a hidden `<input type="file">` (the
 * keyboard alternative to drag and drop). Renders nothing where the backend
 * takes no attachments.
 */
export const AttachButton = forwardRef<HTMLButtonElement, AttachButtonProps>(function AttachButton(
  { className, onClick, ...rest },
  ref,
) {
  const { t } = useMessaging('Composer.AttachButton');
  const c = useComposerContext('Composer.AttachButton');
  const input = useRef<HTMLInputElement>(null);
  const limits = c.capabilities.attachments;
  if (!limits) return null;
  return (
    <>
      <button
        ref={ref}
        type="button"
        className={cx('ik-button', 'ik-icon-button', 'ik-composer__attach', className)}
        data-variant="ghost"
        data-slot="composer-attach"
        disabled={!c.conversationId}
        aria-describedby={c.fileErrors.length ? `${c.ids.files}-errors` : undefined}
        onClick={(e) => {
          onClick?.(e);
          if (!e.defaultPrevented) input.current?.click();
        }}
        {...rest}
      >
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
          <path d="M21 11.5 12.5 20a5 5 0 0 1-7-7l8.5-8.5a3.5 3.5 0 0 1 5 5L10.5 18a2 2 0 0 1-3-3l8-8" />
        </svg>
        {/* The accessible name, shown as a tooltip on hover and keyboard focus. */}
        <span className="ik-tooltip">{t('attach')}</span>
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        accept={limits.mimeTypes.join(',')}
        data-slot="composer-file-input"
        onChange={(e) => {
          c.addFiles(Array.from(e.target.files ?? []));
          e.target.value = '';
        }}
      />
    </>
  );
});
