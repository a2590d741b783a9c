import { createSseEvents } from '../../src/transports/sseEvents';

/** A createSseEvents subscriber that records what it passes on, with a gate to hold reconnects. */
export interface Listener {
  payloads: unknown[];
  /** Payloads that are relayed events (not stream status). */
  events(): Array<Record<string, unknown>>;
  statuses(): boolean[];
  /** While closed, connection attempts wait. */
  gate: { closed: boolean };
  connects: number;
  until(check: () => boolean, timeoutMs?: number): Promise<void>;
  stop(): void;
}

export function listen(url: string, user: string): Listener {
  const payloads: unknown[] = [];
  const gate = { closed: false };
  const state = { connects: 0 };
  const gatedFetch: typeof fetch = async (input, init) => {
    while (gate.closed) await new Promise((r) => setTimeout(r, 10));
    state.connects += 1;
    return fetch(input, init);
  };
  const stop = createSseEvents(`${url}/events`, {
    headers: () => ({ authorization: `Bearer ${user}` }),
    minDelayMs: 20,
    maxDelayMs: 100,
    fetch: gatedFetch,
  })((p) => payloads.push(p));
  const isStatus = (p: unknown) => (p as { type?: string }).type === 'stream.status';
  return {
    payloads,
    events: () => payloads.filter((p) => !isStatus(p)) as Array<Record<string, unknown>>,
    statuses: () => payloads.filter(isStatus).map((p) => (p as { healthy: boolean }).healthy),
    gate,
    get connects() {
      return state.connects;
    },
    async until(check, timeoutMs = 3000) {
      const end = Date.now() + timeoutMs;
      while (!check()) {
        if (Date.now() > end) throw new Error(`timed out; got ${JSON.stringify(payloads).slice(0, 600)}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    stop,
  };
}
