import { ws } from 'msw';
import type { WebSocketHandler } from 'msw';

/** Path of the realtime link. Clients connect to `ws(s)://<host>/__mock/realtime?token=<token>`. */
export const REALTIME_PATH = '/__mock/realtime';

/**
 * Pushes realtime payloads to the connected clients of one user. A client
 * connects with its API token; `resolveToken` maps it to a user key such as
 * `marketplace:usr_1`.
 */
export interface RealtimeHub {
  publish: (userKey: string, payload: unknown) => void;
  /** msw handlers for the WebSocket link (ws: and wss:). */
  handlers: WebSocketHandler[];
}

/** Creates the hub. `enabled()` is read at publish time (the `realtime` knob). */
export function createRealtimeHub(
  resolveToken: (token: string) => string | undefined,
  enabled: () => boolean,
): RealtimeHub {
  const subscribers = new Map<string, Set<{ send(data: string): void }>>();
  // One link starting with '*', which msw matches without parsing it as a URL: Chromium's URL
  // parser percent-encodes the '*' host of `ws://*/…`, so that pattern never matched in the browser.
  const links = [ws.link(`*${REALTIME_PATH}`)];
  const handlers = links.map((link) =>
    link.addEventListener('connection', ({ client }) => {
      const token = client.url.searchParams.get('token') ?? '';
      const userKey = resolveToken(token);
      if (!userKey) {
        client.close(4401, 'unauthorized');
        return;
      }
      let set = subscribers.get(userKey);
      if (!set) subscribers.set(userKey, (set = new Set()));
      const sub = { send: (data: string) => client.send(data) };
      set.add(sub);
      client.addEventListener('close', () => set.delete(sub));
    }),
  );
  return {
    handlers,
    publish(userKey, payload) {
      if (!enabled()) return;
      const data = JSON.stringify(payload);
      for (const sub of subscribers.get(userKey) ?? []) {
        try {
          sub.send(data);
        } catch {
          // a closing socket; it unregisters itself
        }
      }
    },
  };
}
