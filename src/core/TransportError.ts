/** Every way a transport call can fail. */
export type TransportErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'validation_failed'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'invalid_response'
  | 'unsupported'
  | 'internal';

/** A problem with one field of a request, as the server reported it. */
export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

/** Options for {@link TransportError}. */
export interface TransportErrorInit {
  status?: number;
  fieldErrors?: FieldError[];
  retryAfterMs?: number;
  /** Set when the request may have been processed although it failed: see {@link TransportError.outcome}. */
  outcome?: 'unknown';
  cause?: unknown;
}

const STATUS_CODES: Record<number, TransportErrorCode> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
};

/** A readable default message per code, used when the server gives none. */
export const DEFAULT_ERROR_MESSAGES: Record<TransportErrorCode, string> = {
  unauthorized: 'You are signed out. Sign in again to continue.',
  forbidden: 'You do not have access to this.',
  not_found: 'This could not be found. It may have been deleted.',
  validation_failed: 'Some of what was sent is not valid.',
  conflict: 'This was already done.',
  payload_too_large: 'This file is too large.',
  unsupported_media_type: 'This file type is not allowed.',
  rate_limited: 'Too many requests. Please wait a moment and try again.',
  network: 'Could not reach the server. Check your connection.',
  timeout: 'The server took too long to answer.',
  aborted: 'The request was cancelled.',
  invalid_response: 'The server sent data that could not be read.',
  unsupported: 'This is not supported here.',
  internal: 'Something went wrong on the server. Please try again.',
};

/**
 * The one error type transports reject with. `message` is always readable by
 * an end user; `code` is for programs.
 */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  readonly code: TransportErrorCode;
  readonly status?: number;
  readonly fieldErrors?: FieldError[];
  readonly retryAfterMs?: number;
  /**
   * `'unknown'` when the server may have processed the request although no answer arrived (a network
   * error or timeout after the request left, a 5xx on a write that is not idempotent). A send that failed
   * this way may have reached the other side: say so, and reconcile before sending it again.
   */
  readonly outcome?: 'unknown';

  constructor(code: TransportErrorCode, message?: string, init: TransportErrorInit = {}) {
    super(message && message.trim() ? message : DEFAULT_ERROR_MESSAGES[code], { cause: init.cause });
    this.code = code;
    if (init.status !== undefined) this.status = init.status;
    if (init.fieldErrors !== undefined) this.fieldErrors = init.fieldErrors;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.outcome !== undefined) this.outcome = init.outcome;
  }

  /** Whether retrying the same request later may succeed. */
  get retryable(): boolean {
    return (
      this.code === 'network' ||
      this.code === 'timeout' ||
      this.code === 'rate_limited' ||
      this.code === 'internal'
    );
  }
}

/** The error code for an HTTP status. */
export function codeForStatus(status: number): TransportErrorCode {
  return STATUS_CODES[status] ?? (status >= 500 ? 'internal' : 'validation_failed');
}

/** Type guard for {@link TransportError}. */
export function isTransportError(value: unknown): value is TransportError {
  return value instanceof TransportError;
}
