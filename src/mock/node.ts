import { setupServer } from 'msw/node';
import type { SetupServer } from 'msw/node';
import type { RequestHandler, WebSocketHandler } from 'msw';
import { createHandlers, createMockContext, resetMockContext } from './server';
import type { MockContextOptions } from './server';
import type { MockContext } from './context';

/** A reference server for Node (tests): msw's `setupServer` with the db and knobs attached. */
export interface MockServer {
  /** The msw server; `server.use(...)` adds per-test overrides. */
  server: SetupServer;
  ctx: MockContext;
  listen(): void;
  close(): void;
  /** Restores seed data, knobs stay. Also drops per-test handlers. */
  reset(): void;
  use(...handlers: Array<RequestHandler | WebSocketHandler>): void;
}

/** Creates (does not start) a reference server for Node. */
export function createMockServer(options: MockContextOptions = {}): MockServer {
  const ctx = createMockContext(options);
  const server = setupServer(...createHandlers(ctx, options));
  return {
    server,
    ctx,
    listen: () => server.listen({ onUnhandledRequest: 'error' }),
    close: () => {
      ctx.clearTimers();
      server.close();
    },
    reset: () => {
      server.resetHandlers();
      resetMockContext(ctx, options);
    },
    use: (...handlers) => server.use(...handlers),
  };
}

export { createMockContext, createHandlers, createMockDb, listIdentities } from './server';
