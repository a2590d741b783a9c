/** Simulation knobs of the reference server, changeable at run time. */
export interface MockKnobs {
  /** Added latency per request in ms, as `[min, max]`. @defaultValue `[20, 120]` in the browser, `[0, 0]` in Node */
  latencyMs: [number, number];
  /** Fraction (0..1) of requests answered with a 500. @defaultValue 0 */
  failureRate: number;
  /** Requests per `windowMs` per token before 429. `0` turns rate limiting off. @defaultValue 0 */
  rateLimit: number;
  /** Rate-limit window in ms. @defaultValue 60000 */
  rateLimitWindowMs: number;
  /** Whether the counterpart answers a sent message. @defaultValue true */
  autoReply: boolean;
  /** Delay before the auto-reply in ms. @defaultValue 1500 */
  autoReplyDelayMs: number;
  /** Delay of each SMS/email delivery step (Pending → Sent → Delivered) in ms. @defaultValue 800 */
  deliveryDelayMs: number;
  /** Whether realtime events are pushed over the WebSocket link. @defaultValue true */
  realtime: boolean;
  /** Shop quiet hours for SMS, local 24h hours `[start, end)`. @defaultValue `[21, 8]` */
  quietHours: [number, number];
  /** Clock used for quiet hours and timestamps (tests pin it). @defaultValue `() => new Date()` */
  now: () => Date;
  /**
   * Marketplace `/api` POSTs honour `Idempotency-Key`. The real server has no idempotency (a retried POST
   * stores twice), so this is off by default. @defaultValue false
   */
  apiIdempotency: boolean;
  /**
   * Sends (`POST /api/messages`, `POST /v1/messages/conversations/:id`) store the message, then answer 500:
   * the answer is lost after the server acted, as when a connection drops. @defaultValue false
   */
  storeThenFail: boolean;
  /** Random source (0..1) for latency and failure draws; tests pass a seeded one. @defaultValue `Math.random` */
  random?: () => number;
  /**
   * Shopmonkey lists ignore `where` and `orderby` entirely and answer rows in storage order, the worst
   * case partners saw on the live API. `limit` and `skip` still apply. @defaultValue false
   */
  shopmonkeyIgnoreListQuery: boolean;
  /**
   * Shopmonkey `POST /v3/message` ignores `internal: true` and stores a note as an ordinary message, as
   * a live server may (the flag is not documented on create). @defaultValue false
   */
  shopmonkeyIgnoreInternal: boolean;
}

/** Knobs with their defaults. */
export function createKnobs(overrides: Partial<MockKnobs> = {}): MockKnobs {
  return {
    latencyMs: [0, 0],
    failureRate: 0,
    rateLimit: 0,
    rateLimitWindowMs: 60_000,
    autoReply: true,
    autoReplyDelayMs: 1500,
    deliveryDelayMs: 800,
    realtime: true,
    quietHours: [21, 8],
    apiIdempotency: false,
    storeThenFail: false,
    now: () => new Date(),
    shopmonkeyIgnoreListQuery: false,
    shopmonkeyIgnoreInternal: false,
    ...overrides,
  };
}
