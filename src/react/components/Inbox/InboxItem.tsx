import { forwardRef, memo, useId } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import type { Conversation } from '../../../core/types';
import { safeUrl } from '../../../core/urls';
import { useMessaging } from '../../MessagingProvider';
import { Avatar } from '../primitives/Avatar';
import { cx } from '../primitives/cx';
import { sameRowProps } from '../primitives/sameRowProps';
import { useInboxRowContext } from './InboxContext';
import type { InboxCell } from './InboxContext';
import { previewParts, roleLabel, rowTime, subjectParts, subjectText } from './conversationText';
import { useRowDraft } from './useRowDraft';
import type { RowTextContext } from './conversationText';
import { ArchiveIcon, DeleteIcon, ReadIcon, UnarchiveIcon, VerifiedIcon } from './icons';

/** Props of {@link InboxItem}. */
export interface InboxItemProps extends ComponentPropsWithoutRef<'div'> {
  conversation: Conversation;
  /** The row's position in the whole list, 0-based (`aria-rowindex` is this + 1). */
  index: number;
}

/**
 * One inbox row (`role="row"`): the conversation button, then Mark read,
 * Archive/Unarchive and Delete as far as the backend supports them. Actions
 * show on hover and `:focus-within` but always stay in the DOM.
 */
const InboxItemRow = forwardRef<HTMLDivElement, InboxItemProps>(function InboxItem(
  { conversation: c, index, className, ...rest },
  ref,
) {
  const { t, locale, currentUser } = useMessaging('Inbox.Item');
  const inbox = useInboxRowContext('Inbox.Item');
  const id = useId();
  const nameId = `${id}-name`;
  const descId = `${id}-desc`;
  const ctx: RowTextContext = { t, locale, currentUserId: currentUser?.id };
  const selected = inbox.selectedId === c.id;
  const cells = inbox.cellsFor(c);
  // Roving tabindex: one cell of one row is in the tab order (a cell that went away hands it to the conversation).
  const { tabStop } = inbox;
  const tabIndexFor = (cell: InboxCell) =>
    tabStop.id === c.id && (cells.includes(tabStop.cell) ? tabStop.cell : 'open') === cell ? 0 : -1;
  const subject = subjectParts(c, ctx);
  const description = [subjectText(c, ctx), roleLabel(c, t), c.counterpart.verified ? t('verified') : '']
    .filter(Boolean)
    .join(', ');
  const thumb = safeUrl(c.subject?.thumbnailUrl, 'image');
  const time = rowTime(c, ctx);
  const pending = useRowDraft(c.id);
  const draft = pending.draft?.replace(/\s+/g, ' ').trim();
  // A message that did not go out, then the user's own draft, take the place of the last message.
  const preview = pending.failed
    ? {
        visible: t('previewNotSent', { text: pending.failedText ?? '' }).trim(),
        prefix: '',
        state: 'not-sent',
      }
    : draft
      ? { visible: t('previewDraft', { text: draft }), prefix: '', state: 'draft' }
      : { ...previewParts(c, ctx), state: undefined };
  const unread = c.unreadCount > 0;

  const action = (cell: Exclude<InboxCell, 'open'>, label: string, icon: ReactNode, onClick: () => void) =>
    cells.includes(cell) ? (
      <div role="gridcell" className="ik-inbox-item__action-cell" data-slot="inbox-item-action-cell">
        <button
          type="button"
          className="ik-inbox-item__action"
          data-cell={cell}
          data-slot={`inbox-item-${cell}`}
          tabIndex={tabIndexFor(cell)}
          aria-describedby={nameId}
          onClick={onClick}
        >
          {icon}
          <span className="ik-inbox-item__action-label">{label}</span>
        </button>
      </div>
    ) : null;

  return (
    <div
      ref={ref}
      role="row"
      aria-rowindex={index + 1}
      className={cx('ik-inbox-item', className)}
      data-slot="inbox-item"
      data-row-id={c.id}
      data-index={index}
      data-state={unread ? 'unread' : 'read'}
      data-selected={selected ? 'true' : undefined}
      data-archived={c.archived ? 'true' : undefined}
      {...rest}
    >
      <div role="gridcell" className="ik-inbox-item__main-cell">
        {/* Named from its content (A11Y §2: "Alice Chen, 3 unread, Alice: See you at 5, 10:42"):
            hidden separators and the unread count sit between the visible parts, so the name holds
            all the visible text in order (WCAG 2.5.3). CSS grid places the time top-right. */}
        <button
          type="button"
          className="ik-inbox-item__open"
          data-cell="open"
          data-slot="inbox-item-open"
          tabIndex={tabIndexFor('open')}
          aria-describedby={descId}
          aria-current={selected ? 'true' : undefined}
          onClick={() => inbox.open(c)}
        >
          <Avatar participant={c.counterpart} className="ik-inbox-item__avatar" />
          <span className="ik-inbox-item__body">
            <span className="ik-inbox-item__head">
              <span id={nameId} className="ik-inbox-item__name">
                {c.counterpart.name}
              </span>
              {c.counterpart.verified ? (
                <span className="ik-inbox-item__verified" aria-hidden="true">
                  <VerifiedIcon />
                </span>
              ) : null}
            </span>
            {unread ? (
              <span className="ik-sr-only">{`, ${t.plural('unreadCount', c.unreadCount)}`}</span>
            ) : null}
            {preview.visible ? (
              <>
                <span className="ik-sr-only">{`,${preview.prefix ? ` ${preview.prefix.trim()}` : ''}`}</span>{' '}
                <span
                  className="ik-inbox-item__preview"
                  data-deleted={c.lastMessage?.deleted && !preview.state ? 'true' : undefined}
                  data-preview={preview.state}
                >
                  {preview.visible}
                </span>
              </>
            ) : null}
            {time ? (
              <>
                <span className="ik-sr-only">,</span>{' '}
                <time className="ik-inbox-item__time" dateTime={c.lastMessage?.sentAt ?? c.updatedAt}>
                  {time}
                </time>
              </>
            ) : null}
            {unread ? (
              <span className="ik-inbox-item__badge" aria-hidden="true">
                {c.unreadCount > 99 ? '99+' : c.unreadCount}
              </span>
            ) : null}
          </span>
        </button>
        {/* Outside the button, so the button's visible text is all in its name (WCAG 2.5.3);
            the button's ::after still makes the whole cell clickable, and the text is its description. */}
        <span className="ik-inbox-item__footer" aria-hidden="true">
          {c.counterpart.role ? <span className="ik-inbox-item__role">{roleLabel(c, t)}</span> : null}
          {c.subject ? (
            <span className="ik-inbox-item__subject" data-kind={c.subject.kind}>
              {thumb ? (
                <img
                  className="ik-inbox-item__thumb"
                  src={thumb}
                  alt=""
                  loading="lazy"
                  width={32}
                  height={24}
                />
              ) : null}
              {subject.number ? <span className="ik-inbox-item__number">{subject.number}</span> : null}
              {subject.title ? <span className="ik-inbox-item__subject-title">{subject.title}</span> : null}
              {subject.price ? <span className="ik-inbox-item__price">{subject.price}</span> : null}
              {subject.status ? (
                <span className="ik-inbox-item__status" data-status={c.subject.status}>
                  {subject.status}
                </span>
              ) : null}
            </span>
          ) : null}
        </span>
        <span id={descId} className="ik-sr-only">
          {description}
        </span>
      </div>
      {action('read', t('markRead'), <ReadIcon />, () => inbox.markRead(c))}
      {action(
        'archive',
        c.archived ? t('unarchive') : t('archive'),
        c.archived ? <UnarchiveIcon /> : <ArchiveIcon />,
        () => inbox.toggleArchive(c),
      )}
      {action('delete', t('delete'), <DeleteIcon />, () => inbox.requestDelete(c.id))}
    </div>
  );
});

/**
 * One inbox row; memoized, so scrolling and new pages re-render only rows that
 * enter the window or whose conversation changed (and every row when the
 * selection or the roving tab stop moves).
 */
export const InboxItem = memo(InboxItemRow, sameRowProps);
