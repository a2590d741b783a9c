import type { RealtimeSource } from './types';

/** Options for {@link webSocketEvents}. */
export interface WebSocketEventsOptions {
  /** `ws(s)://` URL. The token is appended as `?token=`. */
  url: string;
  getToken: () => string | Promise<string>;
  /** Reconnect delay after a drop, in ms (doubles up to 30 s). @defaultValue 1000 */
  reconnectDelayMs?: number;
  /** WebSocket implementation. @defaultValue `globalThis.WebSocket` */
  WebSocket?: typeof WebSocket;
}

/**
 * A {@link RealtimeSource} over a WebSocket that reconnects with backoff and
 * passes each JSON message on. The reference server serves one at
 * `/__mock/realtime`.
 */
export function webSocketEvents(options: WebSocketEventsOptions): RealtimeSource {
  return (onRaw) => {
    const WS = options.WebSocket ?? globalThis.WebSocket;
    if (!WS) return () => {};
    let socket: WebSocket | undefined;
    let closed = false;
    let delay = options.reconnectDelayMs ?? 1000;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const connect = async () => {
      if (closed) return;
      let token = '';
      try {
        token = await options.getToken();
      } catch {
        // no token: try again later
      }
      if (closed) return;
      const url = new URL(options.url, typeof location !== 'undefined' ? location.href : 'http://localhost');
      if (url.protocol === 'http:') url.protocol = 'ws:';
      if (url.protocol === 'https:') url.protocol = 'wss:';
      url.searchParams.set('token', token);
      socket = new WS(url.toString());
      socket.addEventListener('open', () => {
        delay = options.reconnectDelayMs ?? 1000;
      });
      socket.addEventListener('message', (e: MessageEvent) => {
        try {
          onRaw(JSON.parse(String(e.data)));
        } catch {
          // not JSON: ignore the frame
        }
      });
      socket.addEventListener('close', () => {
        if (closed) return;
        timer = setTimeout(() => void connect(), delay);
        delay = Math.min(delay * 2, 30_000);
      });
    };
    void connect();
    return () => {
      closed = true;
      if (timer) clearTimeout(timer);
      socket?.close();
    };
  };
}
