import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { useComposerCanSend, useComposerContext } from './ComposerContext';

/** Props of {@link SendButton}. */
export type SendButtonProps = ComponentPropsWithoutRef<'button'>;

/** Submits the composer: "Send", or "Add note" in internal-note mode. Disabled while there is nothing to send. */
export const SendButton = forwardRef<HTMLButtonElement, SendButtonProps>(function SendButton(
  { className, children, ...rest },
  ref,
) {
  const { t } = useMessaging('Composer.SendButton');
  const c = useComposerContext('Composer.SendButton');
  const canSend = useComposerCanSend();
  return (
    <button
      ref={ref}
      type="submit"
      className={cx('ik-button', 'ik-composer__send', className)}
      data-variant="primary"
      data-slot="composer-send"
      disabled={!canSend}
      aria-describedby={c.heldByQuietHours ? c.ids.notice : undefined}
      {...rest}
    >
      {children ?? (c.mode === 'note' ? t('addNote') : t('send'))}
    </button>
  );
});
