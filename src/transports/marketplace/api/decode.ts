import { TransportError } from '../../../core/TransportError';
import type { DiagnosticsReporter } from '../../diagnostics';
import { describeValue } from '../../diagnostics';

/**
 * Tolerant reading of `/api` answers. A real server sends shapes nobody wrote down, so the rules are: a
 * malformed optional field is dropped, a list item missing something it cannot do without is skipped, and
 * only an answer whose envelope is unusable fails the request. Every mismatch is reported once per
 * endpoint and path through the transport's diagnostics, so a developer sees exactly what was not read.
 */

export type Obj = Record<string, unknown>;

/** Where an answer came from and where to report what it contained. */
export interface Decode {
  /** `GET /api/messages` */
  endpoint: string;
  report: DiagnosticsReporter['report'];
  /** Origin of the API, for resolving relative URLs (`/placeholder/…`). */
  origin: string;
}

/** A required field is unusable: the item that holds it is skipped. */
export class Unreadable extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
    readonly received: string,
  ) {
    super(`${path}: expected ${expected}, received ${received}`);
  }
}

export const isObj = (value: unknown): value is Obj =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** `path` + `key` as a JSON path: `data[3].listing`. */
export const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

function drop(d: Decode, path: string, expected: string, value: unknown): undefined {
  d.report({ kind: 'decode', endpoint: d.endpoint, path, expected, received: describeValue(value) });
  return undefined;
}

/** A required object. */
export function obj(o: Obj, key: string, path: string): Obj {
  const value = o[key];
  if (isObj(value)) return value;
  throw new Unreadable(at(path, key), 'object', describeValue(value));
}

/** A required string. */
export function str(o: Obj, key: string, path: string): string {
  const value = o[key];
  if (typeof value === 'string') return value;
  throw new Unreadable(at(path, key), 'string', describeValue(value));
}

/** A required id: a string, or a number the server happened to send unquoted. */
export function id(o: Obj, key: string, path: string): string {
  const value = o[key];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return str(o, key, path);
}

/** An optional string: absent or null is undefined; anything else is dropped and reported. */
export function optStr(d: Decode, o: Obj, key: string, path: string): string | undefined {
  const value = o[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  return drop(d, at(path, key), 'string', value);
}

/** An optional boolean. */
export function optBool(d: Decode, o: Obj, key: string, path: string): boolean | undefined {
  const value = o[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  return drop(d, at(path, key), 'boolean', value);
}

/** A count or amount: a number, or a decimal string (Postgres decimals arrive as strings). */
export function optNumber(d: Decode, o: Obj, key: string, path: string): number | undefined {
  const value = o[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return drop(d, at(path, key), 'number', value);
}

/** A required number (a decimal string is accepted). */
export function num(d: Decode, o: Obj, key: string, path: string): number {
  const value = o[key];
  const n = value === undefined || value === null ? undefined : optNumber(d, o, key, path);
  if (n === undefined) throw new Unreadable(at(path, key), 'number', describeValue(value));
  return n;
}

/** A URL string resolved against the API origin when relative; an unusable one is dropped and reported. */
export function resolveUrl(d: Decode, value: string, path: string): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value, d.origin).toString();
  } catch {
    return drop(d, path, 'URL', value);
  }
}

/** An optional URL field (see {@link resolveUrl}). */
export function optUrl(d: Decode, o: Obj, key: string, path: string): string | undefined {
  const value = optStr(d, o, key, path);
  return value ? resolveUrl(d, value, at(path, key)) : undefined;
}

/**
 * A list whose items are read one by one: an unreadable item is skipped and reported as `dropped_item`;
 * `null` or an absent list is empty; anything else is dropped and reported.
 */
export function list<T>(
  d: Decode,
  value: unknown,
  path: string,
  item: (value: unknown, path: string, index: number) => T | undefined,
): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    drop(d, path, 'array', value);
    return [];
  }
  const out: T[] = [];
  value.forEach((v, i) => {
    try {
      const read = item(v, at(path, i), i);
      if (read !== undefined) out.push(read);
    } catch (e) {
      if (!(e instanceof Unreadable)) throw e;
      d.report({
        kind: 'dropped_item',
        endpoint: d.endpoint,
        path: e.path,
        expected: e.expected,
        received: e.received,
        message: `${d.endpoint}: ${e.path}: expected ${e.expected}, received ${e.received} (item skipped)`,
      });
    }
  });
  return out;
}

/** The answer's top level; the one place a whole request fails, with the request named. */
export function envelope(d: Decode, body: unknown): Obj {
  if (isObj(body)) return body;
  throw invalid(d, '', 'object', body);
}

/** An `invalid_response` naming the request and the path, reported as a diagnostic too. */
export function invalid(d: Decode, path: string, expected: string, value: unknown): TransportError {
  const received = describeValue(value);
  const message = `${d.endpoint}: ${path ? `${path}: ` : ''}expected ${expected}, received ${received}`;
  d.report({ kind: 'other', endpoint: d.endpoint, path, expected, received, message });
  return new TransportError('invalid_response', `The server sent data that could not be read: ${message}`);
}

/** A required part of the envelope (`data`, `data.thread`): without it the request fails. */
export function required<T>(d: Decode, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof Unreadable)) throw e;
    const message = `${d.endpoint}: ${e.path}: expected ${e.expected}, received ${e.received}`;
    d.report({
      kind: 'other',
      endpoint: d.endpoint,
      path: e.path,
      expected: e.expected,
      received: e.received,
      message,
    });
    throw new TransportError('invalid_response', `The server sent data that could not be read: ${message}`);
  }
}

/** `pagination` beside `data`, with what can be inferred when it is missing or odd. */
export interface Pagination {
  page: number;
  limit: number;
  total: number | undefined;
  totalPages: number | undefined;
}

export function pagination(d: Decode, root: Obj, asked: { page: number; limit: number }): Pagination {
  const p = root.pagination;
  if (!isObj(p)) {
    if (p !== undefined) drop(d, 'pagination', 'object', p);
    return { ...asked, total: undefined, totalPages: undefined };
  }
  return {
    page: optNumber(d, p, 'page', 'pagination') ?? asked.page,
    limit: optNumber(d, p, 'limit', 'pagination') ?? asked.limit,
    total: optNumber(d, p, 'total', 'pagination'),
    totalPages: optNumber(d, p, 'totalPages', 'pagination'),
  };
}
