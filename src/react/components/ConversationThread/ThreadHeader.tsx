import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { formatMoney } from '../../../core/dates';
import { subjectParts } from '../Inbox/conversationText';
import { useMessaging } from '../../MessagingProvider';
import type { StringKey } from '../../strings/en';
import { Avatar } from '../primitives/Avatar';
import { cx } from '../primitives/cx';
import { useThreadContext } from './ThreadContext';

const LISTING_STATUS: Record<string, StringKey> = {
  active: 'listingStatusActive',
  sold: 'listingStatusSold',
  reserved: 'listingStatusReserved',
};

/** Props of {@link ThreadHeader}. */
export type ThreadHeaderProps = ComponentPropsWithoutRef<'header'>;

/**
 * The thread's header: "Back to conversations" (when `onBack` is given) as
 * the first control, the counterpart as the section's `h2` (focusable with
 * Ctrl+Home), online/verified as text, and the subject (listing, order or
 * vehicle) with its price or status.
 */
export const ThreadHeader = forwardRef<HTMLElement, ThreadHeaderProps>(function ThreadHeader(
  { className, children, ...rest },
  ref,
) {
  const { t, locale, currentUser } = useMessaging('ConversationThread.Header');
  const { conversation, headingId, headingRef, onBack } = useThreadContext('ConversationThread.Header');
  const c = conversation;
  const subject = c?.subject;
  const statusKey =
    subject?.kind === 'listing' && subject.status ? LISTING_STATUS[subject.status] : undefined;
  const status = statusKey ? t(statusKey) : subject?.status;
  // The same wording as the inbox row: "Order #1042" once, even when the backend titles the order so.
  const parts = c ? subjectParts(c, { t, locale, currentUserId: currentUser?.id }) : {};
  const subjectLine = [subject?.kind === 'order' ? parts.number : undefined, parts.title]
    .filter(Boolean)
    .join(' · ');
  return (
    <header
      ref={ref}
      className={cx('ik-thread__header', className)}
      data-slot="thread-header"
      data-has-back={onBack ? '' : undefined}
      {...rest}
    >
      {onBack ? (
        <button type="button" className="ik-button ik-thread__back" data-variant="ghost" onClick={onBack}>
          <span aria-hidden="true">←</span>
          <span className="ik-thread__back-label">{t('backToConversations')}</span>
        </button>
      ) : null}
      {c ? <Avatar participant={c.counterpart} size="md" className="ik-thread__avatar" /> : null}
      <div className="ik-thread__heading">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="ik-thread__title" dir="auto">
          {c ? c.counterpart.name : t('messages')}
        </h2>
        {c ? (
          <p className="ik-thread__counterpart-meta">
            {c.counterpart.verified ? (
              <span className="ik-thread__badge" data-badge="verified">
                <span aria-hidden="true">✓ </span>
                {t('verified')}
              </span>
            ) : null}
            {c.counterpart.online ? (
              <span className="ik-thread__badge" data-badge="online">
                <span aria-hidden="true" className="ik-thread__online-dot" />
                {t('online')}
              </span>
            ) : null}
          </p>
        ) : null}
        {subject ? (
          <p className="ik-thread__subject" data-slot="thread-subject" data-kind={subject.kind}>
            {subjectLine ? (
              <span className="ik-thread__subject-title" dir="auto" title={subjectLine}>
                {subjectLine}
              </span>
            ) : null}
            {subject.price ? (
              <span className="ik-thread__subject-price">
                {formatMoney(subject.price.amount, subject.price.currency, locale)}
              </span>
            ) : null}
            {status ? <span className="ik-thread__subject-status">{status}</span> : null}
          </p>
        ) : null}
      </div>
      {children}
    </header>
  );
});
