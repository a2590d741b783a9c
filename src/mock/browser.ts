import { setupWorker } from 'msw/browser';
import type { SetupWorker } from 'msw/browser';
import { createHandlers, createMockContext } from './server';
import type { MockContextOptions } from './server';
import type { MockContext } from './context';

/** Options for {@link startMockWorker}. */
export interface StartMockWorkerOptions extends MockContextOptions {
  /** URL of `mockServiceWorker.js`. @defaultValue '/mockServiceWorker.js' */
  serviceWorkerUrl?: string;
  /** Log intercepted requests. @defaultValue false */
  verbose?: boolean;
}

/** A running browser reference server. */
export interface MockWorker {
  worker: SetupWorker;
  ctx: MockContext;
  stop(): void;
}

/**
 * Starts the reference server in the browser (Storybook, the playground).
 * Render your app after the returned promise resolves.
 */
export async function startMockWorker(options: StartMockWorkerOptions = {}): Promise<MockWorker> {
  const ctx = createMockContext({ ...options, knobs: { latencyMs: [80, 400], ...options.knobs } });
  const worker = setupWorker(...createHandlers(ctx, options));
  await worker.start({
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: !options.verbose,
  });
  return {
    worker,
    ctx,
    stop: () => {
      ctx.clearTimers();
      worker.stop();
    },
  };
}
