import { useCallback, useEffect, useRef, useState } from 'react';
import type { MutableRefObject, RefObject } from 'react';
import type { InboxHandle } from '../Inbox';

type Target = 'list' | 'thread' | 'composer';

const MAX_FRAMES = 30;

/**
 * Moves focus to a pane after React has shown it (panes un-hide on the next
 * commit; the thread and composer may mount a little later), retrying for a
 * few frames. A newer request cancels an older one. Fallbacks: composer →
 * thread heading (read-only conversation); list row → list heading.
 */
export function useFocusRequest(refs: {
  threadPaneRef: RefObject<HTMLElement | null>;
  inboxRef: RefObject<InboxHandle | null>;
  lastOpened: MutableRefObject<string | null>;
}) {
  const [request, setRequest] = useState<{ target: Target; n: number } | null>(null);
  const counter = useRef(0);
  const { threadPaneRef, inboxRef, lastOpened } = refs;
  const requestFocus = useCallback((target: Target) => {
    counter.current += 1;
    setRequest({ target, n: counter.current });
  }, []);
  useEffect(() => {
    if (!request) return undefined;
    let frame = 0;
    let handle = 0;
    const pane = threadPaneRef.current;
    const heading = () => pane?.querySelector<HTMLElement>('h2[tabindex="-1"], h2');
    const attempt = () => {
      if (request.n !== counter.current) return;
      // Frames spent waiting for the pane's chunk to load do not count: a slow network (or a
      // cold module cache) must not turn "focus the composer" into "focus nothing".
      const loading = !!pane?.querySelector('.ik-layout__loading');
      const last = !loading && frame++ >= MAX_FRAMES;
      if (request.target === 'list') {
        if (inboxRef.current?.focusRow(lastOpened.current)) return;
        const root = pane?.closest('[data-slot="inbox-layout"]');
        const listHeading = root?.querySelector<HTMLElement>('[data-pane="list"] h2');
        if (last || !root?.querySelector('[data-slot="inbox-list"]')) return void listHeading?.focus();
      } else if (request.target === 'composer') {
        const input = pane?.querySelector<HTMLElement>('[data-slot="composer-input"], textarea');
        if (input) return void input.focus();
        if (last) return void heading()?.focus();
      } else {
        const h = heading();
        if (h) return void h.focus();
        if (last) return;
      }
      handle = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(handle);
  }, [request, threadPaneRef, inboxRef, lastOpened]);
  return requestFocus;
}
