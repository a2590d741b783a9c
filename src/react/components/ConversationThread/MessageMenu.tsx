import { forwardRef, useEffect, useId, useRef } from 'react';
import type { ComponentPropsWithoutRef, KeyboardEvent } from 'react';
import type { Message } from '../../../core/types';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { moveInMenu } from '../primitives/menuKeys';
import { useMessageContext } from './ThreadContext';

/** One action in a message's menu. */
export interface MessageAction {
  id: string;
  label: string;
  onSelect(trigger: HTMLButtonElement | null): void;
}

/** Writes to the clipboard and says whether it worked; the announcement is the only feedback a screen reader gets. */
function copy(
  text: string,
  announce: (message: string) => void,
  t: (key: 'copied' | 'copyFailed') => string,
) {
  const write = globalThis.navigator?.clipboard?.writeText?.bind(globalThis.navigator.clipboard);
  if (!write) return announce(t('copyFailed'));
  write(text).then(
    () => announce(t('copied')),
    () => announce(t('copyFailed')),
  );
}

/** The actions on a message: Copy text, Copy link (where the backend gives one) and Report on others' messages. */
export function useMessageActions(message: Message): MessageAction[] {
  const { t, transport, announce } = useMessaging('ConversationThread.MessageMenu');
  const ctx = useMessageContext('ConversationThread.MessageMenu');
  const actions: MessageAction[] = [];
  if (!message.deleted && message.text.trim())
    actions.push({
      id: 'copy-text',
      label: t('copyText'),
      onSelect: (trigger) => {
        trigger?.focus();
        copy(message.text, announce, t);
      },
    });
  if (!message.deleted && message.url && /^https?:\/\//i.test(message.url)) {
    const url = message.url;
    actions.push({
      id: 'copy-link',
      label: t('copyLink'),
      onSelect: (trigger) => {
        trigger?.focus();
        copy(url, announce, t);
      },
    });
  }
  const reportable =
    transport.capabilities.report &&
    message.direction === 'incoming' &&
    message.kind !== 'system' &&
    !message.deleted &&
    !message.id.startsWith('local:');
  if (reportable)
    actions.push({
      id: 'report',
      label: t('report'),
      onSelect: (trigger) => ctx.openReport(message, trigger),
    });
  return actions;
}

/** Props of {@link MessageMenu}. */
export interface MessageMenuProps extends ComponentPropsWithoutRef<'div'> {
  message: Message;
  /** Accessible name context, e.g. the sender and time ids. */
  labelledBy?: string;
}

/**
 * APG menu button "More actions" with a `menu` of the message's actions.
 * Enter/Space/↓ open on the first item, ↑ on the last; ↑/↓/Home/End move;
 * Esc and Tab close; Shift+F10 on the article opens it too.
 */
export const MessageMenu = forwardRef<HTMLDivElement, MessageMenuProps>(function MessageMenu(
  { message, labelledBy, className, ...rest },
  ref,
) {
  const { t } = useMessaging('ConversationThread.MessageMenu');
  const ctx = useMessageContext('ConversationThread.MessageMenu');
  const actions = useMessageActions(message);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const open = ctx.menuFor === message.id;
  const focusItem = useRef<'first' | 'last'>('first');
  useEffect(() => {
    if (!open) return;
    const items = menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]');
    if (!items?.length) return;
    (focusItem.current === 'last' ? items[items.length - 1] : items[0])?.focus();
  }, [open]);
  const root = useRef<HTMLDivElement | null>(null);
  const setMenuFor = ctx.setMenuFor;
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setMenuFor(null);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open, setMenuFor]);
  if (actions.length === 0) return null;
  const close = (refocus: boolean) => {
    ctx.setMenuFor(null);
    if (refocus) button.current?.focus();
  };
  const openMenu = (where: 'first' | 'last') => {
    focusItem.current = where;
    ctx.setMenuFor(message.id);
  };
  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (moveInMenu(menu.current, e.target, e.key)) {
      // handled: ↑/↓/Home/End
    } else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') {
      close(false);
      return;
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div
      ref={(el) => {
        root.current = el;
        if (typeof ref === 'function') ref(el);
        else if (ref) ref.current = el;
      }}
      className={cx('ik-message-menu', className)}
      data-slot="message-menu"
      data-state={open ? 'open' : 'closed'}
      {...rest}
    >
      <button
        ref={button}
        type="button"
        id={`${id}-button`}
        className="ik-button ik-icon-button ik-message-menu__button"
        data-variant="ghost"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        {...(labelledBy ? { 'aria-describedby': labelledBy } : {})}
        onClick={() => (open ? close(false) : openMenu('first'))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            openMenu(e.key === 'ArrowUp' ? 'last' : 'first');
          }
        }}
      >
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="currentColor">
          <circle cx="3.5" cy="8" r="1.4" />
          <circle cx="8" cy="8" r="1.4" />
          <circle cx="12.5" cy="8" r="1.4" />
        </svg>
        {/* The name, and the visible tooltip on hover and keyboard focus. */}
        <span className="ik-tooltip">{t('moreActions')}</span>
      </button>
      {open ? (
        <ul
          ref={menu}
          id={`${id}-menu`}
          role="menu"
          aria-labelledby={`${id}-button`}
          className="ik-message-menu__list"
          onKeyDown={onMenuKey}
        >
          {actions.map((a) => (
            <li
              key={a.id}
              role="menuitem"
              tabIndex={-1}
              className="ik-message-menu__item"
              onClick={() => {
                close(false);
                a.onSelect(button.current);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  close(false);
                  a.onSelect(button.current);
                }
              }}
            >
              {a.label}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
});
