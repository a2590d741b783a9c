/**
 * Shared helpers of the reliability tests: a seeded random source for the
 * mock's failure draws, a watcher for anything that reaches the console or
 * the window uncaught, and small page builders.
 */
import { waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import type { MockInstance } from 'vitest';

/** mulberry32: a tiny seeded PRNG (0..1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** console.error calls that are test artifacts, not errors a user's console would show. */
function isArtifact(args: unknown[]): boolean {
  const first = String(args[0]);
  return first.includes('not wrapped in act') || (first.includes('is unrecognized in this browser') && args[1] === 'search');
}

/**
 * Watches console.error, `error` and `unhandledrejection` for every test of
 * the calling file; `expectClean()` asserts nothing reached them.
 */
export function useConsoleWatch() {
  const state: { spy?: MockInstance<typeof console.error>; uncaught: unknown[] } = { uncaught: [] };
  const onError = (e: ErrorEvent) => state.uncaught.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => state.uncaught.push(e.reason);
  beforeEach(() => {
    state.spy = vi.spyOn(console, 'error');
    state.uncaught = [];
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    state.spy?.mockRestore();
  });
  return {
    errors: () => (state.spy?.mock.calls ?? []).filter((c) => !isArtifact(c)),
    expectClean() {
      expect(this.errors()).toEqual([]);
      expect(state.uncaught).toEqual([]);
    },
  };
}

/** Waits until `check` passes, with a longer default timeout for fault scenarios. */
export const eventually = (check: () => void, timeout = 5000) => waitFor(check, { timeout });
