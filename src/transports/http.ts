import { TransportError, codeForStatus } from '../core/TransportError';
import type { FieldError, TransportErrorCode } from '../core/TransportError';
import type { HttpTransportOptions } from './types';

/** One request through {@link HttpClient}. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the base URL, starting with `/`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON body, a `FormData` sent as multipart, or a `Blob`/`Uint8Array` sent as raw bytes. */
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Whether the request may be repeated after a network error, a timeout or a 5xx. Reads may; writes only
   * when the server honours their idempotency key. When given, this wins over `idempotencyKey`: a key sent
   * to a server that ignores it does not make a repeat harmless. A write that is not idempotent fails
   * with `outcome: 'unknown'` instead. A 429 is retried whatever this says: the server refused the request.
   * @defaultValue `true` for GET and for requests with an `idempotencyKey`, `false` otherwise
   */
  idempotent?: boolean;
  /** Sent as `Idempotency-Key`. Makes the request retryable unless `idempotent` is `false`. */
  idempotencyKey?: string;
  headers?: Record<string, string>;
}

/** A small fetch wrapper shared by the HTTP adapters. */
export interface HttpClient {
  request(req: HttpRequest): Promise<unknown>;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(abortError(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

function abortError(signal: AbortSignal): TransportError {
  return new TransportError('aborted', undefined, { cause: signal.reason });
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const KNOWN_CODES = new Set<TransportErrorCode>([
  'unauthorized',
  'forbidden',
  'not_found',
  'validation_failed',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
]);

/** Turns an error response (either API's body shape, or none) into a TransportError. */
export async function errorFromResponse(res: Response): Promise<TransportError> {
  let message: string | undefined;
  let fieldErrors: FieldError[] | undefined;
  let code = codeForStatus(res.status);
  try {
    const text = await res.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    if (body && typeof body === 'object') {
      const b = body as Record<string, unknown>;
      if (typeof b.message === 'string') message = b.message;
      else if (typeof b.error === 'string') message = b.error;
      if (typeof b.code === 'string' && KNOWN_CODES.has(b.code as TransportErrorCode))
        code = b.code as TransportErrorCode;
      if (Array.isArray(b.errors)) {
        fieldErrors = b.errors
          .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
          .map((e) => ({
            field: textOf(e.field ?? e.path),
            message: textOf(e.message),
            ...(typeof e.code === 'string' ? { code: e.code } : {}),
          }));
      }
    }
  } catch {
    // Not JSON (an HTML error page, a proxy's text): the status decides.
  }
  if (fieldErrors?.length && (!message || message === 'Validation failed')) {
    message =
      fieldErrors
        .map((f) => f.message)
        .filter(Boolean)
        .join(' ') || message;
  }
  return new TransportError(code, message, {
    status: res.status,
    ...(fieldErrors ? { fieldErrors } : {}),
    ...(res.status === 429 || res.status === 503
      ? { retryAfterMs: parseRetryAfter(res.headers.get('Retry-After')) ?? 1000 }
      : {}),
  });
}

/** The same error, marked as possibly processed by the server (see `TransportError.outcome`). */
function maybeProcessed(error: TransportError): TransportError {
  return new TransportError(error.code, error.message, {
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
    ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    outcome: 'unknown',
    cause: error.cause,
  });
}

/**
 * Creates the HTTP client: auth per request (a 401 fetches a fresh token and
 * retries once), JSON, timeouts, error mapping, and retries with backoff for
 * idempotent requests on network errors, 5xx and 429 (honouring Retry-After).
 */
export function createHttpClient(options: HttpTransportOptions): HttpClient {
  const doFetch =
    options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const retries = options.retries ?? 2;
  const baseDelay = options.retryDelayMs ?? 300;
  const base = options.baseUrl.replace(/\/+$/, '');

  function buildUrl(req: HttpRequest): string {
    const url = new URL(
      base + req.path,
      typeof location !== 'undefined' ? location.href : 'http://localhost',
    );
    for (const [k, v] of Object.entries(req.query ?? {}))
      if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
    return url.toString();
  }

  async function once(req: HttpRequest, token: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...req.headers };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (req.idempotencyKey) headers['Idempotency-Key'] = req.idempotencyKey;
    let body: BodyInit | undefined;
    if (req.body instanceof FormData) body = req.body;
    else if (req.body instanceof Blob || req.body instanceof Uint8Array) {
      // Raw bytes (an upload part), sent as they are.
      headers['Content-Type'] = (req.body instanceof Blob && req.body.type) || 'application/octet-stream';
      body = req.body as BodyInit;
    } else if (req.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(req.body);
    }
    const controller = new AbortController();
    const onAbort = () => controller.abort(req.signal?.reason);
    req.signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      return await doFetch(buildUrl(req), { method: req.method, headers, body, signal: controller.signal });
    } catch (cause) {
      if (req.signal?.aborted) throw abortError(req.signal);
      if (timedOut) throw new TransportError('timeout', undefined, { cause });
      throw new TransportError('network', undefined, { cause });
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
    }
  }

  async function parse(res: Response): Promise<unknown> {
    if (res.status === 204) return undefined;
    const text = await res.text();
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch (cause) {
      throw new TransportError(
        'invalid_response',
        'The server sent data that could not be read (not JSON).',
        { status: res.status, cause },
      );
    }
  }

  return {
    async request(req) {
      const retryable = req.idempotent ?? (req.idempotencyKey !== undefined || req.method === 'GET');
      let refreshed = false;
      let attempt = 0;
      for (;;) {
        if (req.signal?.aborted) throw abortError(req.signal);
        let error: TransportError;
        try {
          const token = await options.getToken();
          const res = await once(req, token);
          if (res.ok) return await parse(res);
          error = await errorFromResponse(res);
          if (error.code === 'unauthorized') {
            if (!refreshed) {
              refreshed = true;
              continue; // one fresh getToken() and one retry
            }
            options.onUnauthorized?.(error);
            throw error;
          }
        } catch (e) {
          if (!(e instanceof TransportError)) throw new TransportError('network', undefined, { cause: e });
          error = e;
          if (error.code === 'aborted' || error.code === 'unauthorized' || error.code === 'invalid_response')
            throw error;
        }
        const refused = error.code === 'rate_limited';
        const transient = error.code === 'network' || error.code === 'timeout' || (error.status ?? 0) >= 500;
        if (!retryable && transient) throw maybeProcessed(error);
        if ((!refused && !transient) || attempt >= retries) throw error;
        const backoff = error.retryAfterMs ?? baseDelay * 2 ** attempt * (0.75 + Math.random() * 0.5);
        attempt += 1;
        await sleep(Math.min(backoff, 30_000), req.signal);
      }
    },
  };
}

/** A server-sent scalar as text; anything else (absent, an object) as ''. */
function textOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
