import { forwardRef, memo, useEffect, useId, useRef, useState } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import type { Conversation } from '../../../core/types';
import { safeUrl } from '../../../core/urls';
import { useMessaging } from '../../MessagingProvider';
import { Avatar } from '../primitives/Avatar';
import { cx } from '../primitives/cx';
import { moveInMenu } from '../primitives/menuKeys';
import { sameRowProps } from '../primitives/sameRowProps';
import { useInboxRowContext } from './InboxContext';
import type { InboxAction, InboxCell } from './InboxContext';
import { previewParts, roleLabel, rowTime, subjectParts, subjectText } from './conversationText';
import { useRowDraft } from './useRowDraft';
import type { RowTextContext } from './conversationText';
import { ArchiveIcon, DeleteIcon, MoreIcon, ReadIcon, UnarchiveIcon, VerifiedIcon } from './icons';

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

  const actions = inbox.actionsFor(c);
  const actionLabel: Record<InboxAction, string> = {
    read: t('markRead'),
    archive: c.archived ? t('unarchive') : t('archive'),
    delete: t('delete'),
  };
  const actionIcon: Record<InboxAction, ReactNode> = {
    read: <ReadIcon />,
    archive: c.archived ? <UnarchiveIcon /> : <ArchiveIcon />,
    delete: <DeleteIcon />,
  };
  const run = (a: InboxAction) => {
    if (a === 'read') inbox.markRead(c);
    else if (a === 'archive') inbox.toggleArchive(c);
    else inbox.requestDelete(c.id);
  };

  // Icon-only: the label is the accessible name and, on hover or keyboard focus, the visible tooltip.
  const action = (cell: InboxAction) =>
    cells.includes(cell) ? (
      <div
        key={cell}
        role="gridcell"
        className="ik-inbox-item__action-cell"
        data-slot="inbox-item-action-cell"
      >
        <button
          type="button"
          className="ik-inbox-item__action ik-icon-button"
          data-cell={cell}
          data-slot={`inbox-item-${cell}`}
          tabIndex={tabIndexFor(cell)}
          aria-describedby={nameId}
          onClick={() => run(cell)}
        >
          {actionIcon[cell]}
          <span className="ik-inbox-item__action-label ik-tooltip">{actionLabel[cell]}</span>
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
        {/* Named from its content (docs/accessibility.md §2: "Alice Chen, 3 unread, Alice: See you at 5, 10:42"):
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
              <span id={nameId} className="ik-inbox-item__name" dir="auto" title={c.counterpart.name}>
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
                  dir="auto"
                  title={preview.visible}
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
                <time
                  className="ik-inbox-item__time"
                  dir="auto"
                  dateTime={c.lastMessage?.sentAt ?? c.updatedAt}
                >
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
              {subject.title ? (
                <span className="ik-inbox-item__subject-title" dir="auto" title={subject.title}>
                  {subject.title}
                </span>
              ) : null}
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
      {cells.includes('more') ? (
        <RowMenu
          actions={actions}
          labels={actionLabel}
          icons={actionIcon}
          describedBy={nameId}
          tabIndex={tabIndexFor('more')}
          onSelect={run}
        />
      ) : (
        actions.map(action)
      )}
    </div>
  );
});

/**
 * The row's actions on touch screens: one "More actions" button (44 × 44)
 * opening an APG menu, so three 44 px buttons do not squeeze the name,
 * preview and listing. ↑/↓/Home/End move, Esc closes to the button, Tab closes.
 */
function RowMenu({
  actions,
  labels,
  icons,
  describedBy,
  tabIndex,
  onSelect,
}: {
  actions: InboxAction[];
  labels: Record<InboxAction, string>;
  icons: Record<InboxAction, ReactNode>;
  describedBy: string;
  tabIndex: number;
  onSelect: (action: InboxAction) => void;
}) {
  const { t } = useMessaging('Inbox.Item');
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const choose = (a: InboxAction) => {
    // Focus goes back to the button first, so the grid's focus-follows-rows logic sees it in the row.
    close(true);
    onSelect(a);
  };
  return (
    <div ref={root} role="gridcell" className="ik-inbox-item__action-cell" data-slot="inbox-item-more-cell">
      <button
        ref={button}
        type="button"
        id={`${id}-button`}
        className="ik-inbox-item__action ik-inbox-item__more ik-icon-button"
        data-cell="more"
        data-slot="inbox-item-more"
        tabIndex={tabIndex}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-describedby={describedBy}
        onClick={() => setOpen((o) => !o)}
      >
        <MoreIcon />
        <span className="ik-tooltip">{t('moreActions')}</span>
      </button>
      {open ? (
        <ul
          ref={menu}
          id={`${id}-menu`}
          role="menu"
          aria-labelledby={`${id}-button`}
          className="ik-inbox-item__menu"
          data-slot="inbox-item-menu"
          onKeyDown={(e) => {
            if (moveInMenu(menu.current, e.target, e.key)) {
              // handled: ↑/↓/Home/End
            } else if (e.key === 'Escape') close(true);
            else if (e.key === 'Tab') {
              setOpen(false);
              return;
            } else if (e.key !== 'Enter' && e.key !== ' ') return;
            // The grid's own keys (arrows, Home/End, Delete) must not act on the row under the menu.
            e.stopPropagation();
            if (e.key !== 'Enter' && e.key !== ' ') e.preventDefault();
          }}
        >
          {actions.map((a) => (
            <li key={a} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="ik-inbox-item__menu-item"
                data-action={a}
                onClick={() => choose(a)}
              >
                {icons[a]}
                {labels[a]}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * One inbox row; memoized, so scrolling and new pages re-render only rows that
 * enter the window or whose conversation changed (and every row when the
 * selection or the roving tab stop moves).
 */
export const InboxItem = memo(InboxItemRow, sameRowProps);
