import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { RefObject } from 'react';
import type { Message } from '../../../core/types';
import { useMessaging } from '../../MessagingProvider';
import { useMarkRead } from '../../hooks/useMarkRead';
import { isUnreadIncoming } from './rows';
import { useLatest } from '../../hooks/useLatest';

const BATCH_MS = 300;

/**
 * Marks incoming messages read once they are actually seen: at least half of
 * the article (or half the viewport, for tall ones) is in view and the page
 * is visible. Sightings are batched; backends without per-message read mark
 * the whole conversation.
 */
export function useMarkVisibleRead(
  conversationId: string,
  scrollerRef: RefObject<HTMLElement | null>,
  messages: Message[],
): void {
  const { transport } = useMessaging('ConversationThread.Feed');
  const { mutate } = useMarkRead();
  const perMessage = transport.capabilities.perMessageRead;
  const unread = useMemo(() => new Set(messages.filter(isUnreadIncoming).map((m) => m.id)), [messages]);
  const unreadRef = useLatest(unread);
  const seen = useRef(new Set<string>());
  const sent = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const io = useRef<IntersectionObserver | null>(null);
  const observed = useRef(new Set<Element>());

  const flush = useCallback(() => {
    timer.current = undefined;
    const doc = scrollerRef.current?.ownerDocument ?? document;
    if (doc.visibilityState !== 'visible') return; // kept until the tab is visible again
    const ids = [...seen.current].filter((id) => unreadRef.current.has(id) && !sent.current.has(id));
    seen.current.clear();
    if (ids.length === 0) return;
    for (const id of ids) sent.current.add(id);
    mutate(perMessage ? { conversationId, messageIds: ids } : { conversationId }, {
      onError: () => ids.forEach((id) => sent.current.delete(id)),
    });
  }, [conversationId, mutate, perMessage, scrollerRef, unreadRef]);

  useEffect(() => {
    const root = scrollerRef.current;
    const win = root?.ownerDocument.defaultView;
    if (!root || !win || typeof win.IntersectionObserver === 'undefined') return;
    const observer = new win.IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const id = e.target.getAttribute('data-message-id');
          if (!id) continue;
          const half = e.rootBounds ? e.intersectionRect.height >= e.rootBounds.height * 0.5 : false;
          if (e.isIntersecting && (e.intersectionRatio >= 0.5 || half)) {
            seen.current.add(id);
            timer.current ??= setTimeout(flush, BATCH_MS);
          } else seen.current.delete(id);
        }
      },
      { root, threshold: [0, 0.25, 0.5, 0.75, 1] },
    );
    io.current = observer;
    const onVisibility = () => {
      if (root.ownerDocument.visibilityState === 'visible' && seen.current.size > 0) flush();
    };
    root.ownerDocument.addEventListener('visibilitychange', onVisibility);
    const tracked = observed.current;
    return () => {
      observer.disconnect();
      tracked.clear();
      io.current = null;
      root.ownerDocument.removeEventListener('visibilitychange', onVisibility);
      if (timer.current) clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [flush, scrollerRef]);

  // After every render: observe newly mounted unread articles, drop unmounted ones.
  useEffect(() => {
    const observer = io.current;
    const root = scrollerRef.current;
    if (!observer || !root) return;
    for (const el of observed.current) {
      if (!el.isConnected || el.getAttribute('data-state') !== 'unread') {
        observer.unobserve(el);
        observed.current.delete(el);
      }
    }
    root.querySelectorAll('[data-slot="message"][data-state="unread"]').forEach((el) => {
      if (!observed.current.has(el)) {
        observed.current.add(el);
        observer.observe(el);
      }
    });
  });
}
