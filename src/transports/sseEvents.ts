import type { RealtimeSource } from './types';

/** Options of {@link createSseEvents}. */
export interface SseEventsOptions {
  /** Headers for each (re)connect, e.g. `Authorization`. Called again on every reconnect. */
  headers?: () => HeadersInit | Promise<HeadersInit>;
  /** Cookies: `include` for a relay on another origin that authorises by cookie. @defaultValue 'same-origin' */
  credentials?: RequestCredentials;
  /** First reconnect delay in ms; doubles per failed attempt, with ±50 % jitter. @defaultValue 1000 */
  minDelayMs?: number;
  /** Longest reconnect delay in ms. @defaultValue 30000 */
  maxDelayMs?: number;
  /** A stream silent this long (no event, no heartbeat) is dropped and reopened. @defaultValue 45000 */
  staleAfterMs?: number;
  /** Fetch implementation. @defaultValue `globalThis.fetch` */
  fetch?: typeof fetch;
}

/** Keeps the last `max` ids, to drop an event delivered twice. */
class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly max = 1000) {}
  /** Adds `id`; `false` when it was there already. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value!);
    return true;
  }
}

/**
 * A {@link RealtimeSource} over Server-Sent Events from the relay in
 * `inbox-kit/server` (`relay.stream`). Give it to a transport's `events`
 * option.
 *
 * - Reconnects after a drop with exponential backoff and jitter, and resumes
 *   with `Last-Event-ID`: events published meanwhile arrive once, in order.
 * - Drops an event whose id it already passed on.
 * - Passes `{ type: 'resync' }` on when the relay could not resume (the UI
 *   refetches), and `{ type: 'stream.status', healthy }` when the stream
 *   opens or drops (polling slows down while it is healthy).
 *
 * It reads the stream with `fetch` rather than `EventSource`, so that it can
 * send headers and control its own reconnects.
 */
export function createSseEvents(url: string, options: SseEventsOptions = {}): RealtimeSource {
  const minDelay = options.minDelayMs ?? 1000;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const staleAfter = options.staleAfterMs ?? 45_000;

  return (onRaw) => {
    const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    const seen = new RecentIds();
    let lastId: string | undefined;
    let closed = false;
    let healthy = false;
    let failures = 0;
    let aborter: AbortController | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let staleTimer: ReturnType<typeof setTimeout> | undefined;

    const setHealthy = (next: boolean) => {
      if (next === healthy || closed) return;
      healthy = next;
      onRaw({ type: 'stream.status', healthy });
    };
    const scheduleReconnect = () => {
      if (closed) return;
      setHealthy(false);
      const base = Math.min(maxDelay, minDelay * 2 ** failures);
      failures += 1;
      // Jitter spreads the reconnects of many browsers after a relay restart.
      retryTimer = setTimeout(() => void connect(), base * (0.5 + Math.random()));
    };
    const armStale = () => {
      if (staleTimer) clearTimeout(staleTimer);
      staleTimer = setTimeout(() => aborter?.abort(), staleAfter);
    };

    const dispatch = (event: string, data: string, id: string | undefined) => {
      if (id !== undefined) {
        if (!seen.add(id)) return;
        lastId = id;
      }
      if (event === 'resync') return onRaw({ type: 'resync' });
      if (event !== 'message') return; // `ready` and unknown event types carry no payload
      try {
        onRaw(JSON.parse(data));
      } catch {
        // not JSON: skip the event
      }
    };

    async function connect(): Promise<void> {
      if (closed) return;
      aborter = new AbortController();
      try {
        const headers = new Headers(await options.headers?.());
        headers.set('accept', 'text/event-stream');
        if (lastId !== undefined) headers.set('last-event-id', lastId);
        const response = await doFetch(url, {
          headers,
          credentials: options.credentials ?? 'same-origin',
          cache: 'no-store',
          signal: aborter.signal,
        });
        if (!response.ok || !response.body) throw new Error(`relay answered ${response.status}`);
        failures = 0;
        setHealthy(true);
        armStale();
        await read(response.body);
      } catch {
        // network error, refused, aborted as stale: try again below
      } finally {
        if (staleTimer) clearTimeout(staleTimer);
      }
      scheduleReconnect();
    }

    async function read(body: ReadableStream<Uint8Array>): Promise<void> {
      const reader = body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      let event = 'message';
      let data: string[] = [];
      let id: string | undefined;
      for (;;) {
        const { done, value } = await reader.read();
        if (done || closed) return;
        armStale();
        buffer += decoder.decode(value, { stream: true });
        let nl: number;
        while ((nl = buffer.search(/\r\n|\r|\n/)) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + (buffer.startsWith('\r\n', nl) ? 2 : 1));
          if (line === '') {
            if (data.length) dispatch(event, data.join('\n'), id);
            else if (id !== undefined && seen.add(id)) lastId = id;
            event = 'message';
            data = [];
            id = undefined;
            continue;
          }
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const v = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'data') data.push(v);
          else if (field === 'event') event = v;
          else if (field === 'id' && !v.includes('\0')) id = v;
        }
      }
    }

    void connect();
    return () => {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      if (staleTimer) clearTimeout(staleTimer);
      aborter?.abort();
    };
  };
}
