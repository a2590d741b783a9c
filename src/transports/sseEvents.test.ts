// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { createSseEvents } from './sseEvents';

/** A fetch that answers each call with the next scripted stream (kept open when `hold`). */
function scripted(answers: Array<{ status?: number; chunks: string[]; hold?: boolean }>) {
  const calls: Array<{ lastEventId: string | null; authorization: string | null }> = [];
  const fetchImpl = (_url: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    calls.push({ lastEventId: headers.get('last-event-id'), authorization: headers.get('authorization') });
    const answer = answers.shift() ?? { chunks: [], hold: true };
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const chunk of answer.chunks) c.enqueue(new TextEncoder().encode(chunk));
        if (!answer.hold) c.close();
        init?.signal?.addEventListener('abort', () => c.error(new Error('aborted')));
      },
    });
    return Promise.resolve(new Response(body, { status: answer.status ?? 200 }));
  };
  return { calls, fetch: fetchImpl };
}

let stop: (() => void) | undefined;
afterEach(() => stop?.());

async function until(check: () => boolean) {
  const end = Date.now() + 2000;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('createSseEvents', () => {
  it('passes events on, drops a repeated id, resumes with the last id and reports the stream state', async () => {
    const { calls, fetch } = scripted([
      {
        chunks: [
          'retry: 10\n\nevent: ready\nid: 1-0\ndata: {}\n\n',
          'id: 2-0\ndata: {"n":1}\n\n: heartbeat\n\n',
          // split across chunks, with CRLF line ends
          'id: 3-0\r\nda',
          'ta: {"n":2}\r\n\r\n',
        ],
      },
      { chunks: ['id: 3-0\ndata: {"n":2}\n\nid: 4-0\ndata: {"n":3}\n\n'], hold: true },
    ]);
    const got: unknown[] = [];
    stop = createSseEvents('/events', {
      fetch,
      minDelayMs: 5,
      headers: () => ({ authorization: 'Bearer t' }),
    })((p) => got.push(p));
    await until(() => got.some((p) => (p as { n?: number }).n === 3));
    expect(got).toEqual([
      { type: 'stream.status', healthy: true },
      { n: 1 },
      { n: 2 },
      { type: 'stream.status', healthy: false },
      { type: 'stream.status', healthy: true },
      { n: 3 },
    ]);
    expect(calls).toEqual([
      { lastEventId: null, authorization: 'Bearer t' },
      { lastEventId: '3-0', authorization: 'Bearer t' },
    ]);
  });

  it('turns a resync event into { type: "resync" } and resumes from its id', async () => {
    const { calls, fetch } = scripted([
      { chunks: ['event: resync\nid: 9-0\ndata: {"type":"resync"}\n\n'] },
      { chunks: [], hold: true },
    ]);
    const got: unknown[] = [];
    stop = createSseEvents('/events', { fetch, minDelayMs: 5 })((p) => got.push(p));
    await until(() => calls.length === 2);
    expect(got).toContainEqual({ type: 'resync' });
    expect(calls[1]!.lastEventId).toBe('9-0');
  });

  it('backs off after refusals, with jitter, and stops reconnecting once closed', async () => {
    const { calls, fetch } = scripted(Array.from({ length: 20 }, () => ({ status: 401, chunks: [] })));
    const got: unknown[] = [];
    const started = Date.now();
    stop = createSseEvents('/events', { fetch, minDelayMs: 20, maxDelayMs: 80 })((p) => got.push(p));
    await until(() => calls.length >= 4);
    // 3 waits of at least 10, 20 and 40 ms (half of 20·2^n, the lowest jitter)
    expect(Date.now() - started).toBeGreaterThanOrEqual(70);
    expect(got).toEqual([]);
    stop();
    const made = calls.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(calls.length).toBe(made);
  });
});
