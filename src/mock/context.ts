import { delay } from 'msw';
import { MockHttpError, apiError } from './errors';
import type { MockKnobs } from './knobs';
import type { RealtimeHub } from './realtime';
import type { MarketplaceDb } from './marketplace/db';
import type { ShopmonkeyDb } from './shopmonkey/db';

/** The reference server's whole state. */
export interface MockDb {
  marketplace: MarketplaceDb;
  shopmonkey: ShopmonkeyDb;
}

/** What every handler can reach: the data, the knobs, the realtime hub and a timer registry. */
export interface MockContext {
  db: MockDb;
  knobs: MockKnobs;
  realtime: RealtimeHub;
  /** Schedules a side effect (auto-reply, delivery step); cleared on reset/close. */
  schedule(fn: () => void, ms: number): void;
  /** Cancels every scheduled side effect. */
  clearTimers(): void;
}

/** Creates the timer registry part of a context. */
export function createScheduler(): Pick<MockContext, 'schedule' | 'clearTimers'> {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  return {
    schedule(fn, ms) {
      const t = setTimeout(() => {
        timers.delete(t);
        fn();
      }, ms);
      timers.add(t);
    },
    clearTimers() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}

const buckets = new WeakMap<MockKnobs, Map<string, { start: number; count: number }>>();
/** Idempotency keys of requests being handled, per context (IETF Idempotency-Key draft: a concurrent reuse is a 409). */
const inFlightKeys = new WeakMap<MockContext, Set<string>>();

/**
 * Wraps a resolver with what every route shares: simulated latency, random
 * failures, rate limiting (RateLimit-* headers, 429 + Retry-After) and turning
 * thrown {@link MockHttpError}s into JSON error responses.
 */
export async function withSimulation(
  ctx: MockContext,
  request: Request,
  resolve: () => Response | Promise<Response>,
): Promise<Response> {
  const idempotencyKey = request.headers.get('idempotency-key');
  if (!idempotencyKey) return simulate(ctx, request, resolve);
  let running = inFlightKeys.get(ctx);
  if (!running) inFlightKeys.set(ctx, (running = new Set()));
  const id = `${request.headers.get('authorization') ?? ''} ${idempotencyKey}`;
  if (running.has(id))
    return apiError('conflict', 'A request with this Idempotency-Key is still being processed.');
  running.add(id);
  try {
    return await simulate(ctx, request, resolve);
  } finally {
    running.delete(id);
  }
}

async function simulate(
  ctx: MockContext,
  request: Request,
  resolve: () => Response | Promise<Response>,
): Promise<Response> {
  const { knobs } = ctx;
  const random = knobs.random ?? Math.random;
  const [min, max] = knobs.latencyMs;
  if (max > 0) await delay(Math.round(min + random() * Math.max(0, max - min)));
  let limitHeaders: Record<string, string> = {};
  if (knobs.rateLimit > 0) {
    const key = request.headers.get('authorization') ?? 'anonymous';
    let map = buckets.get(knobs);
    if (!map) buckets.set(knobs, (map = new Map<string, { start: number; count: number }>()));
    const now = Date.now();
    let b = map.get(key);
    if (!b || now - b.start >= knobs.rateLimitWindowMs) map.set(key, (b = { start: now, count: 0 }));
    b.count += 1;
    const resetS = Math.max(1, Math.ceil((b.start + knobs.rateLimitWindowMs - now) / 1000));
    limitHeaders = {
      'RateLimit-Limit': String(knobs.rateLimit),
      'RateLimit-Remaining': String(Math.max(0, knobs.rateLimit - b.count)),
      'RateLimit-Reset': String(resetS),
    };
    if (b.count > knobs.rateLimit) {
      return apiError('rate_limited', 'Too many requests. Try again later.', {
        headers: { ...limitHeaders, 'Retry-After': String(resetS) },
      });
    }
  }
  if (knobs.failureRate > 0 && random() < knobs.failureRate) {
    return apiError('internal', 'Simulated server failure.', { headers: limitHeaders });
  }
  let res: Response;
  try {
    res = await resolve();
  } catch (e) {
    if (e instanceof MockHttpError) res = e.toResponse();
    else {
      console.error('[inbox-kit mock] handler crashed', e);
      res = apiError('internal', 'The mock server failed to handle this request.');
    }
  }
  for (const [k, v] of Object.entries(limitHeaders)) res.headers.set(k, v);
  return res;
}
