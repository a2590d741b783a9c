import { HttpResponse } from 'msw';
import type { FieldError, TransportErrorCode } from '../core/TransportError';

const STATUS: Partial<Record<TransportErrorCode, number>> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  validation_failed: 400,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
};

/**
 * A JSON error both APIs understand: `{success: false, code, message, errors?}`.
 * (Marketplace bodies carry `message` and `errors`; Shopmonkey's carry `code` and `message`.)
 */
export function apiError(
  code: TransportErrorCode,
  message: string,
  extra: { errors?: FieldError[]; headers?: Record<string, string> } = {},
): Response {
  return HttpResponse.json(
    { success: false, code, message, ...(extra.errors ? { errors: extra.errors } : {}) },
    { status: STATUS[code] ?? 500, headers: extra.headers },
  );
}

/** A 400 with field errors. */
export function validationError(errors: FieldError[]): Response {
  return apiError('validation_failed', 'Validation failed', { errors });
}

/** Thrown inside handlers to answer with an error; caught by `route()`. */
export class MockHttpError extends Error {
  constructor(
    readonly code: TransportErrorCode,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
  }
  toResponse(): Response {
    return apiError(this.code, this.message, this.errors ? { errors: this.errors } : {});
  }
}

/** Reads a JSON body, answering 400 for malformed JSON. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new MockHttpError('validation_failed', 'Request body is not valid JSON.', [
      { field: 'body', message: 'Request body is not valid JSON.', code: 'invalid_json' },
    ]);
  }
}

/** Reads a JSON body that must be an object (`null`, arrays and primitives answer 400). */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const body = await readJson(request);
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new MockHttpError('validation_failed', 'Request body must be a JSON object.', [
      { field: 'body', message: 'Request body must be a JSON object.', code: 'invalid_type' },
    ]);
  }
  return body as Record<string, unknown>;
}
