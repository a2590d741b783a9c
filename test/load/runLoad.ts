/**
 * A bounded load test of the reference server over real HTTP: N concurrent
 * clients send messages for a fixed time with idempotency keys (and some
 * deliberate repeats of the same key), retrying transient failures a bounded
 * number of times; then every acknowledged clientId must be stored exactly
 * once and every receiver's unread count must match.
 */
import { startHttpServer } from '../../src/mock/httpBridge';
import type { MockKnobs } from '../../src/mock/knobs';

/** Options of {@link runLoad}. */
export interface LoadOptions {
  clients: number;
  durationMs: number;
  /** Probability that a client deliberately repeats a send with the same key. @defaultValue 0.1 */
  repeatRate?: number;
  /** Simulated server failure rate (500s) to exercise retries. @defaultValue 0.02 */
  failureRate?: number;
  /** Attempts per send, including the first. @defaultValue 4 */
  maxAttempts?: number;
  /** Per-request timeout. @defaultValue 5000 */
  timeoutMs?: number;
  seed?: number;
}

/** What a run measured and checked. */
export interface LoadResult {
  clients: number;
  durationMs: number;
  elapsedMs: number;
  requests: number;
  requestsPerSecond: number;
  /** Responses that were not 2xx (including simulated 500s that were then retried) and network errors. */
  errorResponses: number;
  errorRate: number;
  /** Sends that failed after every attempt (not acknowledged). */
  gaveUp: number;
  acknowledged: number;
  deliberateRepeats: number;
  repeatsAnsweredWithSameId: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  check: {
    lost: number;
    duplicated: number;
    storedButNotAcknowledged: number;
    unreadMismatches: Array<{ user: string; expected: number; actual: number }>;
    ok: boolean;
  };
}

interface Sender {
  api: 'marketplace' | 'shopmonkey';
  token: string;
  userId: string;
  /** marketplace: conversation id; shopmonkey: customer id */
  target: string;
  /** marketplace receiver user id */
  receiverId?: string;
}

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0;

/** Runs one load test against a fresh in-process server on an ephemeral port. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const repeatRate = options.repeatRate ?? 0.1;
  const maxAttempts = options.maxAttempts ?? 4;
  const timeoutMs = options.timeoutMs ?? 5000;
  let rnd = (options.seed ?? 1) >>> 0;
  const random = () => {
    rnd = (rnd + 0x6d2b79f5) >>> 0;
    let t = rnd;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const knobs: Partial<MockKnobs> = {
    autoReply: false,
    realtime: false,
    deliveryDelayMs: 60_000,
    latencyMs: [0, 0],
    failureRate: 0,
    random,
  };
  const srv = await startHttpServer({ port: 0, seed: options.seed ?? 1, knobs });
  const { url, ctx } = srv;

  let requests = 0;
  let errorResponses = 0;
  const latencies: number[] = [];
  async function call(
    method: string,
    path: string,
    token: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; json: unknown }> {
    requests += 1;
    const started = performance.now();
    try {
      const res = await fetch(url + path, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const json: unknown = await res.json().catch(() => undefined);
      if (!res.ok) errorResponses += 1;
      return { status: res.status, json };
    } catch {
      errorResponses += 1;
      return { status: 0, json: undefined };
    } finally {
      latencies.push(performance.now() - started);
    }
  }

  try {
    // ----------------------------------------------------- who talks to whom
    const ids = (await call('POST', '/__mock/identities', '', {})).json as {
      data: Array<{ id: string; api: string; token: string }>;
    };
    const mkUsers = ids.data.filter((i) => i.api === 'marketplace');
    const visible = new Map<string, Set<string>>();
    const convs: Array<{ token: string; userId: string; id: string; other: string }> = [];
    for (const u of mkUsers) {
      const seen = new Set<string>();
      for (const status of ['all', 'archived']) {
        const page = (await call('GET', `/v1/messages/conversations?limit=100&status=${status}`, u.token))
          .json as { data: { conversations: Array<{ id: string; participant: { id: string } }> } };
        for (const c of page.data.conversations) {
          seen.add(c.id);
          convs.push({ token: u.token, userId: u.id, id: c.id, other: c.participant.id });
        }
      }
      visible.set(u.id, seen);
    }
    // Only threads both sides can see (a side that deleted it would not count its unread).
    const usable = convs.filter((c) => visible.get(c.other)?.has(c.id));
    const staff = ids.data.filter((i) => i.api === 'shopmonkey');
    const smTargets = [...ctx.db.shopmonkey.customers.keys()].filter((id) => !id.includes('big')).slice(0, 6);
    const senders: Sender[] = Array.from({ length: options.clients }, (_, i) => {
      if (i % 5 === 4 && staff.length) {
        const s = staff[i % staff.length]!;
        return { api: 'shopmonkey', token: s.token, userId: s.id, target: smTargets[i % smTargets.length]! };
      }
      const c = usable[i % usable.length]!;
      return { api: 'marketplace', token: c.token, userId: c.userId, target: c.id, receiverId: c.other };
    });

    const unreadOf = async (userId: string) => {
      const token = mkUsers.find((u) => u.id === userId)!.token;
      const r = (await call('GET', '/v1/messages/unread', token)).json as { data: { unread_count: number } };
      return r.data.unread_count;
    };
    const receivers = [...new Set(senders.filter((s) => s.receiverId).map((s) => s.receiverId!))];
    const initialUnread = new Map<string, number>();
    for (const r of receivers) initialUnread.set(r, await unreadOf(r));

    // ----------------------------------------------------------- the run
    ctx.knobs.failureRate = options.failureRate ?? 0.02;
    const acked = new Map<string, { sender: Sender; id: string }>();
    let gaveUp = 0;
    let deliberateRepeats = 0;
    let repeatsAnsweredWithSameId = 0;
    requests = 0;
    errorResponses = 0;
    latencies.length = 0;
    const started = performance.now();
    const deadline = started + options.durationMs;
    let seq = 0;

    async function sendOnce(s: Sender, clientId: string): Promise<string | undefined> {
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        const r =
          s.api === 'marketplace'
            ? await call(
                'POST',
                `/v1/messages/conversations/${s.target}`,
                s.token,
                { content: `load ${clientId}`, type: 'text' },
                { 'Idempotency-Key': clientId },
              )
            : await call('POST', '/v3/message', s.token, {
                text: `load ${clientId}`,
                customerId: s.target,
                metadata: { clientId },
              });
        if (r.status >= 200 && r.status < 300) {
          const data = (r.json as { data: { message?: { id: string }; id?: string } }).data;
          return data.message?.id ?? data.id;
        }
        if (r.status !== 0 && r.status < 500 && r.status !== 429) return undefined; // a real rejection: do not retry
        await new Promise((res) => setTimeout(res, 2 ** attempt));
      }
      return undefined;
    }

    await Promise.all(
      senders.map(async (s, clientIndex) => {
        while (performance.now() < deadline) {
          const clientId = `c${clientIndex}_${++seq}`;
          const id = await sendOnce(s, clientId);
          if (!id) {
            gaveUp += 1;
            continue;
          }
          acked.set(clientId, { sender: s, id });
          if (random() < repeatRate) {
            deliberateRepeats += 1;
            const again = await sendOnce(s, clientId);
            if (again === id) repeatsAnsweredWithSameId += 1;
          }
        }
      }),
    );
    const elapsedMs = performance.now() - started;
    const run = { requests, errorResponses, latencies: latencies.slice() };
    ctx.knobs.failureRate = 0;

    // --------------------------------------------------------- the check
    const counts = new Map<string, number>();
    const count = (text: string) => {
      if (text.startsWith('load ')) counts.set(text.slice(5), (counts.get(text.slice(5)) ?? 0) + 1);
    };
    for (const list of ctx.db.marketplace.messages.values()) for (const m of list) count(m.content);
    for (const list of ctx.db.shopmonkey.messagesByCustomer.values()) for (const m of list) count(m.text);
    let lost = 0;
    let duplicated = 0;
    for (const clientId of acked.keys()) {
      const n = counts.get(clientId) ?? 0;
      if (n === 0) lost += 1;
      if (n > 1) duplicated += 1;
    }
    const storedButNotAcknowledged = [...counts.keys()].filter((k) => !acked.has(k)).length;
    const expectedUnread = new Map(initialUnread);
    for (const { sender } of acked.values())
      if (sender.receiverId)
        expectedUnread.set(sender.receiverId, (expectedUnread.get(sender.receiverId) ?? 0) + 1);
    const unreadMismatches: LoadResult['check']['unreadMismatches'] = [];
    for (const r of receivers) {
      const actual = await unreadOf(r);
      if (actual !== expectedUnread.get(r))
        unreadMismatches.push({ user: r, expected: expectedUnread.get(r)!, actual });
    }
    const sorted = run.latencies.sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      clients: options.clients,
      durationMs: options.durationMs,
      elapsedMs: Math.round(elapsedMs),
      requests: run.requests,
      requestsPerSecond: Math.round(run.requests / (elapsedMs / 1000)),
      errorResponses: run.errorResponses,
      errorRate: round(run.errorResponses / Math.max(1, run.requests)),
      gaveUp,
      acknowledged: acked.size,
      deliberateRepeats,
      repeatsAnsweredWithSameId,
      latencyMs: {
        p50: round(quantile(sorted, 0.5)),
        p95: round(quantile(sorted, 0.95)),
        p99: round(quantile(sorted, 0.99)),
        max: round(sorted.at(-1) ?? 0),
      },
      check: {
        lost,
        duplicated,
        storedButNotAcknowledged,
        unreadMismatches,
        ok: lost === 0 && duplicated === 0 && storedButNotAcknowledged === 0 && unreadMismatches.length === 0,
      },
    };
  } finally {
    await srv.close();
  }
}
