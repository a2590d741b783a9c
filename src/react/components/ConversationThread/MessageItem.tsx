import { forwardRef, memo, useId } from 'react';
import type { ComponentPropsWithoutRef, CSSProperties } from 'react';
import { formatDayLabel, formatTime } from '../../../core/dates';
import { useMessaging } from '../../MessagingProvider';
import { useSendMessage } from '../../hooks/useSendMessage';
import { Avatar } from '../primitives/Avatar';
import { cx } from '../primitives/cx';
import { sameRowProps } from '../primitives/sameRowProps';
import { Attachments } from './Attachments';
import { DeliveryStatus } from './DeliveryStatus';
import { MessageBody } from './MessageBody';
import { AppointmentEvent, MessageHints, OrderShareCard } from './MessageDetails';
import { MessageMenu } from './MessageMenu';
import { SafetyNotice } from './SafetyNotice';
import { RowErrorBoundary } from './RowErrorBoundary';
import { senderOf } from './rows';
import type { ThreadRow } from './rows';
import { useMessageContext } from './ThreadContext';

/** Props of {@link MessageItem}. */
export interface MessageItemProps extends ComponentPropsWithoutRef<'article'> {
  row: ThreadRow;
  /** 1-based position among all messages (`aria-posinset`). */
  posinset: number;
  /** Total messages, −1 while older history is not loaded (`aria-setsize`). */
  setsize: number;
}

const MessageArticle = forwardRef<HTMLElement, MessageItemProps>(function MessageItem(
  { row, posinset, setsize, className, style, ...rest },
  ref,
) {
  const { t, locale, currentUser } = useMessaging('ConversationThread.MessageItem');
  const { counterpart } = useMessageContext('ConversationThread.MessageItem');
  const { message: m } = row;
  const id = useId();
  const sender = senderOf(m, counterpart && { counterpart }, currentUser, {
    you: t('you'),
    system: t('systemSender'),
    staff: t('roleStaff'),
  });
  const senderId = `${id}-sender`;
  const timeId = `${id}-time`;
  const bodyId = `${id}-body`;
  const outgoing = m.direction === 'outgoing';
  const color = m.extras?.authorColor ?? sender.color;
  return (
    <article
      ref={ref}
      tabIndex={-1}
      aria-posinset={posinset}
      aria-setsize={setsize}
      aria-labelledby={`${senderId} ${timeId}`}
      aria-describedby={bodyId}
      className={cx('ik-message', className)}
      data-slot="message"
      data-message-id={m.id}
      data-direction={m.direction}
      data-kind={m.kind}
      data-group={row.startsGroup ? 'start' : 'continue'}
      {...(outgoing
        ? { 'data-status': m.status ?? 'sent' }
        : { 'data-state': (m.read ?? !!m.readAt) ? 'read' : 'unread' })}
      {...(m.deleted ? { 'data-deleted': '' } : {})}
      {...(color ? { 'data-author-color': '' } : {})}
      style={color ? ({ '--ik-author-color': color, ...style } as CSSProperties) : style}
      {...rest}
    >
      {row.dayKey ? (
        <h3 className="ik-thread__day" data-slot="day-separator">
          <span className="ik-thread__day-label">
            {row.dayLabel ??
              formatDayLabel(m.sentAt, { today: t('today'), yesterday: t('yesterday') }, new Date(), locale)}
          </span>
        </h3>
      ) : null}
      {row.newMarker ? (
        <h3 className="ik-thread__new" data-slot="new-messages-marker">
          <span className="ik-thread__new-label">{t('newMessages')}</span>
        </h3>
      ) : null}
      <div className="ik-message__meta" data-slot="message-meta">
        {m.kind !== 'system' && row.startsGroup ? (
          <Avatar participant={sender} size="sm" className="ik-message__avatar" />
        ) : null}
        <span id={senderId} className={cx('ik-message__sender', !row.startsGroup && 'ik-sr-only')} dir="auto">
          {sender.name}
        </span>{' '}
        <time id={timeId} dateTime={m.sentAt} className="ik-message__time" dir="auto">
          {row.time ?? formatTime(m.sentAt, locale)}
        </time>
      </div>
      <RowErrorBoundary
        resetKey={m}
        fallback={
          <p id={bodyId} className="ik-message__body ik-message__render-error">
            {t('renderError')}
          </p>
        }
      >
        <MessageContent row={row} bodyId={bodyId} senderId={senderId} readerName={counterpart?.name} />
      </RowErrorBoundary>
    </article>
  );
});

/**
 * One message as a feed `article`: day heading and "New messages" marker
 * first (as `h3`s), then sender and time (its name), context hints, the body
 * (its description), files, order/appointment cards, delivery and receipt,
 * and the "More actions" menu. What is inside is guarded by an error
 * boundary, so one bad message shows a placeholder instead of breaking the thread.
 *
 * Memoized: a send or an arrival re-renders the new message, the rows whose
 * flags changed, and the article shells whose `aria-setsize` grew; everything
 * below the sender line re-renders only when its own row changes.
 */
export const MessageItem = memo(MessageArticle, sameRowProps);

/** Everything inside an article below sender and time. */
const MessageContent = memo(function MessageContent({
  row,
  bodyId,
  senderId,
  readerName,
}: {
  row: ThreadRow;
  bodyId: string;
  senderId: string;
  readerName: string | undefined;
}) {
  const { t, currentUser } = useMessaging('ConversationThread.MessageItem');
  const { conversationId, counterpart, onRequestComposerFocus } = useMessageContext(
    'ConversationThread.MessageItem',
  );
  const { retry, discard } = useSendMessage(conversationId);
  const m = row.message;
  if (m.deleted) {
    const byId = m.extras?.deletedBy;
    // Who deleted it, by id: the current user, the counterpart, or (unnamed on the wire) a staff member.
    const by = !byId
      ? undefined
      : byId === currentUser?.id
        ? t('you')
        : byId === counterpart?.id
          ? counterpart.name
          : t('roleStaff');
    const reason = m.extras?.deletedReason;
    return (
      <div className="ik-message__bubble" data-slot="message-bubble">
        <p id={bodyId} className="ik-message__body ik-message__deleted" data-slot="message-deleted">
          <span aria-hidden="true">⊘ </span>
          {t('messageDeleted')}
          {by
            ? ` ${reason ? t('messageDeletedBy', { name: by, reason }) : t('messageDeletedByNoReason', { name: by })}`
            : null}
        </p>
      </div>
    );
  }
  return (
    <>
      {m.kind === 'note' && m.extras?.noteUnverified ? (
        <>
          <p className="ik-message__label" data-label="note">
            {t('internalNote')}
          </p>
          {/* The server did not confirm the note stayed internal: say so plainly, not "not sent". */}
          <p className="ik-message__warning" data-slot="note-warning">
            <span aria-hidden="true">⚠ </span>
            {t('noteMayBeVisible')}
          </p>
        </>
      ) : m.kind === 'note' ? (
        <p className="ik-message__label" data-label="note">
          {t('internalNote')} · {t('notSentToCustomer')}
        </p>
      ) : m.extras?.marketing ? (
        <p className="ik-message__label" data-label="marketing">
          {t('marketingMessage')}
        </p>
      ) : m.kind === 'quick_reply' ? (
        <p className="ik-message__label" data-label="quick-reply">
          {t('quickReply')}
        </p>
      ) : null}
      <MessageHints message={m} />
      <div className="ik-message__bubble" data-slot="message-bubble">
        <MessageBody id={bodyId} message={m} />
        <Attachments message={m} />
        <OrderShareCard message={m} />
        <AppointmentEvent message={m} />
      </div>
      <SafetyNotice message={m} />
      <DeliveryStatus message={m} readerName={readerName} showReceipt={row.receipt} />
      {m.status === 'failed' && m.clientId ? (
        <div className="ik-message__failed" data-slot="message-failed-actions">
          <button
            type="button"
            className="ik-button"
            data-variant="primary"
            aria-describedby={bodyId}
            onClick={(e) => {
              // The buttons go away with the failure: focus stays on the message being resent.
              e.currentTarget.closest<HTMLElement>('[data-slot="message"]')?.focus();
              void retry(m.clientId!);
            }}
          >
            {t('retry')}
          </button>
          <button
            type="button"
            className="ik-button"
            aria-describedby={bodyId}
            onClick={(e) => {
              // The message goes away: focus moves to where the text can be written again.
              const thread = e.currentTarget.closest<HTMLElement>('[data-slot="thread"]');
              discard(m.clientId!);
              if (onRequestComposerFocus) onRequestComposerFocus();
              else thread?.querySelector<HTMLElement>('h2[tabindex="-1"]')?.focus();
            }}
          >
            {t('discard')}
          </button>
        </div>
      ) : null}
      <MessageMenu message={m} labelledBy={senderId} />
    </>
  );
});
