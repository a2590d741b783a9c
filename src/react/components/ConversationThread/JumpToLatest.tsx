import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { useThreadContext } from './ThreadContext';

/** Props of {@link JumpToLatest}. */
export type JumpToLatestProps = ComponentPropsWithoutRef<'button'>;

/**
 * "Jump to latest, 3 new": shown while the reader is scrolled away from the
 * newest message; scrolls there and focuses it. Lives outside the feed. Its
 * name changes as messages arrive; nothing is announced and focus stays put.
 */
export const JumpToLatest = forwardRef<HTMLButtonElement, JumpToLatestProps>(function JumpToLatest(
  { className, onClick, ...rest },
  ref,
) {
  const { t } = useMessaging('ConversationThread.JumpToLatest');
  const ctx = useThreadContext('ConversationThread.JumpToLatest');
  if (ctx.atBottom) return null;
  return (
    <button
      ref={ref}
      type="button"
      className={cx('ik-button ik-thread__jump', className)}
      data-slot="jump-to-latest"
      data-variant="primary"
      onClick={(e) => {
        onClick?.(e);
        if (!e.defaultPrevented) ctx.feedControls.current?.jumpToLatest();
      }}
      {...rest}
    >
      <span aria-hidden="true">↓</span>{' '}
      {ctx.unseen > 0 ? t.plural('jumpToLatestNew', ctx.unseen) : t('jumpToLatest')}
    </button>
  );
});
