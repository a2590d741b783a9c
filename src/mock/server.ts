import { http, HttpResponse } from 'msw';
import type { RequestHandler, WebSocketHandler } from 'msw';
import { apiError } from './errors';
import { createKnobs, validateKnobPatch } from './knobs';
import type { MockKnobs } from './knobs';
import { createRealtimeHub } from './realtime';
import { createScheduler } from './context';
import type { MockContext, MockDb } from './context';
import type { MockIdentity } from './identities';
import { createMarketplaceDb } from './marketplace/db';
import { marketplaceHandlers } from './marketplace/handlers';
import { createShopmonkeyDb } from './shopmonkey/db';
import { shopmonkeyHandlers } from './shopmonkey/handlers';

/** Options for the reference server's data. */
export interface MockDbOptions {
  /** Same seed → same data. @defaultValue 1 */
  seed?: number;
  /** `small` for tests and stories; `large` (10,000-message thread, 5,000 conversations) for benchmarks. @defaultValue 'small' */
  size?: 'small' | 'large';
  /** The moment the seed data is laid out from. @defaultValue the current time */
  now?: Date;
}

/** Creates the in-memory database with deterministic seed data. */
export function createMockDb(options: MockDbOptions = {}): MockDb {
  const opts = {
    seed: options.seed ?? 1,
    size: options.size ?? 'small',
    now: options.now ?? new Date(),
  } as const;
  return { marketplace: createMarketplaceDb(opts), shopmonkey: createShopmonkeyDb(opts) };
}

/** Every known identity of both APIs. */
export function listIdentities(db: MockDb): MockIdentity[] {
  return [...db.marketplace.identities(), ...db.shopmonkey.identities()];
}

/** Options for {@link createMockContext}. */
export interface MockContextOptions extends MockDbOptions {
  knobs?: Partial<MockKnobs>;
}

/** Creates the whole server state: db, knobs, realtime hub and timers. */
export function createMockContext(options: MockContextOptions = {}): MockContext {
  const knobs = createKnobs(options.knobs);
  const scheduler = createScheduler();
  const ctx: MockContext = {
    db: createMockDb(options),
    knobs,
    ...scheduler,
    realtime: createRealtimeHub(
      (token) => {
        const who = listIdentities(ctx.db).find((i) => i.token === token);
        return who ? `${who.api}:${who.id}` : undefined;
      },
      () => ctx.knobs.realtime,
    ),
  };
  return ctx;
}

/** Restores the seed data and cancels pending side effects. */
export function resetMockContext(ctx: MockContext, options: MockDbOptions = {}): void {
  ctx.clearTimers();
  ctx.db = createMockDb(options);
}

/**
 * Every msw handler of the reference server: both APIs, the realtime link,
 * the `/__mock/*` control routes, and JSON 404s for unknown API routes.
 */
export function createHandlers(
  ctx: MockContext,
  dbOptions: MockDbOptions = {},
): Array<RequestHandler | WebSocketHandler> {
  // The knobs the server started with: a reset restores them.
  const initialKnobs = { ...ctx.knobs };
  const readKnobs = () => HttpResponse.json({ success: true, data: serializableKnobs(ctx.knobs) });
  const setKnobs = async ({ request }: { request: Request }) => {
    const text = await request.text();
    let body: unknown = {};
    try {
      body = text.trim() ? JSON.parse(text) : {};
    } catch {
      return apiError('validation_failed', 'The body must be JSON.');
    }
    const checked = validateKnobPatch(body);
    if (!checked.ok)
      return apiError('validation_failed', checked.errors.map((e) => e.message).join(' '), {
        errors: checked.errors,
      });
    Object.assign(ctx.knobs, checked.patch);
    return readKnobs();
  };
  const identities = () => HttpResponse.json({ success: true, data: listIdentities(ctx.db) });
  // Over HTTP only `POST` with a JSON body reaches these (see httpBridge); GET/PATCH serve the in-page worker.
  const control = [
    http.get('*/__mock/identities', identities),
    http.post('*/__mock/identities', identities),
    http.post('*/__mock/reset', () => {
      resetMockContext(ctx, dbOptions);
      for (const key of Object.keys(ctx.knobs))
        if (!(key in initialKnobs)) delete (ctx.knobs as unknown as Record<string, unknown>)[key];
      Object.assign(ctx.knobs, initialKnobs);
      return HttpResponse.json({ success: true, data: null });
    }),
    http.get('*/__mock/knobs', readKnobs),
    http.patch('*/__mock/knobs', setKnobs),
    http.post('*/__mock/knobs', setKnobs),
  ];
  const notFound = ['*/v1/*', '*/v3/*', '*/api/*', '*/__mock/*'].map((path) =>
    http.all(path, ({ request }) =>
      apiError('not_found', `No route for ${request.method} ${new URL(request.url).pathname}.`),
    ),
  );
  return [
    ...control,
    ...marketplaceHandlers(ctx),
    ...shopmonkeyHandlers(ctx),
    ...ctx.realtime.handlers,
    ...notFound,
  ];
}

function serializableKnobs(k: MockKnobs): Omit<MockKnobs, 'now'> {
  const { now: _now, ...rest } = k;
  return rest;
}
