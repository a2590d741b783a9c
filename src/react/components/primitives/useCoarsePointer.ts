import { useSyncExternalStore } from 'react';

const QUERY = '(pointer: coarse)';

function subscribe(onChange: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => undefined;
  const list = matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

const read = () => (typeof matchMedia === 'function' ? matchMedia(QUERY).matches : false);

/**
 * Whether the primary pointer is coarse (a finger). Touch screens get fewer,
 * larger targets (row actions behind one "More" button), so this decides
 * markup, not only CSS. `false` on the server and where `matchMedia` is missing.
 */
export function useCoarsePointer(): boolean {
  return useSyncExternalStore(subscribe, read, () => false);
}
