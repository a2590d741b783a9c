import { useCallback, useMemo, useRef } from 'react';
import type { ReactNode } from 'react';

/** Sends a message to screen readers. Polite by default; assertive only for failures. */
export type Announce = (message: string, options?: { assertive?: boolean; delayMs?: number }) => void;

const CLEAR_AFTER_MS = 7000;

/**
 * One announcer per provider: a hidden polite `status` and assertive `alert`
 * region. Each announcement is a new node so repeated text is read again.
 */
export function useAnnouncer(): { announce: Announce; regions: ReactNode } {
  const polite = useRef<HTMLDivElement>(null);
  const assertive = useRef<HTMLDivElement>(null);
  const announce = useCallback<Announce>((message, options = {}) => {
    const put = () => {
      const region = options.assertive ? assertive.current : polite.current;
      if (!region || !message) return;
      const node = region.ownerDocument.createElement('div');
      node.textContent = message;
      region.appendChild(node);
      setTimeout(() => node.remove(), CLEAR_AFTER_MS);
    };
    if (options.delayMs) setTimeout(put, options.delayMs);
    else put();
  }, []);
  const regions = useMemo(
    () => (
      <>
        <div
          ref={polite}
          role="status"
          aria-live="polite"
          className="ik-sr-only"
          data-slot="announcer-polite"
        />
        <div
          ref={assertive}
          role="alert"
          aria-live="assertive"
          className="ik-sr-only"
          data-slot="announcer-assertive"
        />
      </>
    ),
    [],
  );
  return { announce, regions };
}
