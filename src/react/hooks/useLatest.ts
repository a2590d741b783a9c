import { useEffect, useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';

// Layout effects do not run on the server (React 18 warns there); the ref is then read by no one.
const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/**
 * A ref that always holds the value of the last committed render, for callbacks and effects that
 * must see current props without re-subscribing. Written after commit, so a render React throws
 * away never leaks into it; read it only from effects and event handlers.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useIsomorphicLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
