import { useCallback, useEffect, useRef, useState } from 'react';
import type { MutableRefObject, RefObject } from 'react';
import type { InboxHandle } from '../Inbox';

type Target = 'list' | 'thread' | 'composer';

/**
 * How long to wait for the target to appear. The thread and composer load in a chunk of their own and
 * their conversation over the network: on a slow phone that is seconds, not frames.
 */
const MAX_WAIT_MS = 4000;

/**
 * Moves focus to a pane after React has shown it (panes un-hide on the next
 * commit; the thread and composer may mount later), retrying each frame
 * until it is there or {@link MAX_WAIT_MS} has passed. A newer request cancels
 * an older one, and so does the user moving focus themselves meanwhile.
 * Fallbacks: composer → thread heading (read-only conversation); list row →
 * list heading.
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
    const doc = pane?.ownerDocument;
    const started = Date.now();
    const focusedAtStart = doc?.activeElement;
    const attempt = () => {
      if (request.n !== counter.current) return;
      // The user went somewhere else while the pane was loading: leave their focus alone.
      const focused = doc?.activeElement;
      if (frame++ > 0 && focused && focused !== focusedAtStart && focused !== doc.body) return;
      const last = Date.now() - started >= MAX_WAIT_MS;
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
