import type { CSSProperties } from 'react';

/**
 * `memo` comparison for virtualized rows: props equal by identity, except
 * `style`, which is compared by its entries, since a list passes a fresh
 * style object (the row's offset) on every render.
 */
export function sameRowProps<P extends { style?: CSSProperties | undefined }>(a: P, b: P): boolean {
  const keys = Object.keys(a) as Array<keyof P>;
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) {
    if (a[k] === b[k]) continue;
    if (k !== 'style') return false;
    const sa = (a.style ?? {}) as Record<string, unknown>;
    const sb = (b.style ?? {}) as Record<string, unknown>;
    const sk = Object.keys(sa);
    if (sk.length !== Object.keys(sb).length || sk.some((x) => sa[x] !== sb[x])) return false;
  }
  return true;
}
