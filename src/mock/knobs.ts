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

/** How a knob's value is checked when set over the control route: a test and the range named in a 400. */
interface KnobRule {
  valid(value: unknown): boolean;
  /** The allowed values, as a person reads them ("a number from 0 to 1"). */
  range: string;
}

const num = (min: number, max: number, integer = false): KnobRule => ({
  valid: (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v)),
  range: `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`,
});
const pair = (min: number, max: number, ordered: boolean): KnobRule => ({
  valid: (v) =>
    Array.isArray(v) &&
    v.length === 2 &&
    v.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max) &&
    (!ordered || (v[0] as number) <= (v[1] as number)),
  range: `[a, b] with integers from ${min} to ${max}${ordered ? ' and a ≤ b' : ''}`,
});
const bool: KnobRule = { valid: (v) => typeof v === 'boolean', range: 'true or false' };

/**
 * The knobs the control route may set, with their allowed values. A new knob
 * needs one line here; a knob missing from this table cannot be set remotely
 * (`now` and `random` are functions, for tests in the same process only).
 */
export const KNOB_RULES: Partial<Record<keyof MockKnobs, KnobRule>> = {
  latencyMs: pair(0, 60_000, true),
  failureRate: num(0, 1),
  rateLimit: num(0, 1_000_000, true),
  rateLimitWindowMs: num(1, 3_600_000, true),
  autoReply: bool,
  autoReplyDelayMs: num(0, 600_000, true),
  deliveryDelayMs: num(0, 600_000, true),
  realtime: bool,
  quietHours: pair(0, 24, false),
  apiIdempotency: bool,
  storeThenFail: bool,
  shopmonkeyIgnoreListQuery: bool,
  shopmonkeyIgnoreInternal: bool,
};

/** A knob value that was refused: which field, and what it accepts. */
export interface KnobError {
  field: string;
  message: string;
}

/**
 * Checks a patch sent to the control route. Returns the errors (each names the
 * field and its allowed range) or the valid patch; nothing is applied when any
 * field is refused.
 */
export function validateKnobPatch(
  patch: unknown,
): { ok: true; patch: Partial<MockKnobs> } | { ok: false; errors: KnobError[] } {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch))
    return { ok: false, errors: [{ field: '', message: 'The body must be a JSON object of knobs.' }] };
  const errors: KnobError[] = [];
  for (const [field, value] of Object.entries(patch)) {
    const rule = (KNOB_RULES as Record<string, KnobRule | undefined>)[field];
    if (!rule)
      errors.push({
        field,
        message: `Unknown knob "${field}". Known knobs: ${Object.keys(KNOB_RULES).join(', ')}.`,
      });
    else if (!rule.valid(value))
      errors.push({ field, message: `${field} must be ${rule.range}; got ${JSON.stringify(value)}.` });
  }
  return errors.length ? { ok: false, errors } : { ok: true, patch };
}
