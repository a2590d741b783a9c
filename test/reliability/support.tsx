/**
 * Shared helpers of the reliability tests: a seeded random source for the
 * mock's failure draws, a watcher for anything that reaches the console or
 * the window uncaught, and small page builders.
 */
import { waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import type { MockInstance } from 'vitest';
import { mulberry32 } from '../../src/mock/prng';

/** mulberry32: a tiny seeded PRNG (0..1), the same one the reference server seeds with. */
export const seeded = mulberry32;

/** console.error calls that are test artifacts, not errors a user's console would show. */
function isArtifact(args: unknown[]): boolean {
  const first = String(args[0]);
  return (
    first.includes('not wrapped in act') ||
    (first.includes('is unrecognized in this browser') && args[1] === 'search')
  );
}

/**
 * Watches console.error, `error` and `unhandledrejection` for every test of
 * the calling file; `expectClean()` asserts nothing reached them.
 */
export function watchConsole() {
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
export const eventually = (check: () => unknown, timeout = 5000) => waitFor(check, { timeout });
