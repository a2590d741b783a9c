import type { FieldError } from '../../../core/TransportError';
import { MockHttpError } from '../../errors';

/** Value types a `where` field can be compared as. */
export type FieldType = 'string' | 'boolean' | 'number' | 'date';

/** A parsed list query. */
export interface ListQuery {
  limit: number;
  skip: number;
  where: Record<string, unknown>;
  orderBy: Array<[string, 'asc' | 'desc']>;
}

/** The most rows a list returns; larger limits are silently capped. */
export const MAX_LIMIT = 100;
const OPERATORS = new Set(['gt', 'gte', 'lt', 'lte']);

/**
 * Parses `limit`, `skip`, `where` (JSON; equality or `{gt,gte,lt,lte}`) and
 * `orderby` (JSON `{field: "asc"|"desc"}`, the reference's spelling) the way
 * partners measured the live API: `limit` above 100 is capped silently, and
 * fields and operators it does not know (`$gt`, `foo`) are dropped silently
 * rather than refused. What remains invalid (not JSON, a wrong value type, a
 * negative `skip`) is a 400 naming the field. With `ignoreQuery` (the
 * `shopmonkeyIgnoreListQuery` knob) `where` and `orderby` are not applied at all.
 */
export function parseListQuery(
  url: URL,
  fields: Record<string, FieldType>,
  options: { orderable?: boolean; ignoreQuery?: boolean } = {},
): ListQuery {
  const errors: FieldError[] = [];
  const sp = url.searchParams;
  const int = (name: string, fallback: number, min: number): number => {
    const raw = sp.get(name);
    if (raw === null || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) {
      errors.push({
        field: name,
        message: `${name} must be an integer of at least ${min}.`,
        code: 'invalid_type',
      });
      return fallback;
    }
    return n;
  };
  const limit = Math.min(int('limit', MAX_LIMIT, 1), MAX_LIMIT);
  const skip = int('skip', 0, 0);
  const json = (name: string): Record<string, unknown> => {
    const raw = sp.get(name);
    if (raw === null || raw === '') return {};
    try {
      const v: unknown = JSON.parse(raw);
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      // reported below
    }
    errors.push({ field: name, message: `${name} must be a JSON object.`, code: 'invalid_json' });
    return {};
  };
  const where = json('where');
  for (const [key, value] of Object.entries(where)) {
    const type = fields[key];
    if (!type) {
      delete where[key]; // dropped silently, as live
      continue;
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const ops = value as Record<string, unknown>;
      for (const [op, operand] of Object.entries(ops)) {
        if (!OPERATORS.has(op))
          delete ops[op]; // `$gt` and friends: dropped silently, as live
        else if (!isOfType(operand, type))
          errors.push({
            field: `where.${key}.${op}`,
            message: `where.${key}.${op} must be a ${type}.`,
            code: 'invalid_type',
          });
      }
    } else if (value !== null && !isOfType(value, type)) {
      errors.push({
        field: `where.${key}`,
        message: `where.${key} must be a ${type}.`,
        code: 'invalid_type',
      });
    }
  }
  const orderBy: ListQuery['orderBy'] = [];
  if (options.orderable !== false) {
    for (const [key, dir] of Object.entries(json('orderby'))) {
      if (!fields[key]) continue; // unknown fields are dropped, as live
      if (dir !== 'asc' && dir !== 'desc')
        errors.push({
          field: `orderby.${key}`,
          message: 'Order must be "asc" or "desc".',
          code: 'invalid_value',
        });
      else orderBy.push([key, dir]);
    }
  }
  if (errors.length) throw new MockHttpError('validation_failed', 'Validation failed', errors);
  // An operator object left empty by dropping `$` operators filters nothing.
  for (const [key, value] of Object.entries(where))
    if (value && typeof value === 'object' && !Object.keys(value).length) delete where[key];
  if (options.ignoreQuery) return { limit, skip, where: {}, orderBy: [] };
  return { limit, skip, where, orderBy };
}

function isOfType(v: unknown, type: FieldType): boolean {
  if (type === 'date') return typeof v === 'string' && !Number.isNaN(Date.parse(v));
  return typeof v === type;
}

/** Whether a row passes a parsed `where` (dates compare as instants). */
export function matchesWhere(
  row: Record<string, unknown>,
  where: Record<string, unknown>,
  fields: Record<string, FieldType>,
): boolean {
  for (const [key, cond] of Object.entries(where)) {
    const actual = row[key];
    if (cond && typeof cond === 'object') {
      if (actual === null || actual === undefined) return false;
      const a = fields[key] === 'date' ? Date.parse(actual as string) : (actual as number | string);
      for (const [op, operand] of Object.entries(cond as Record<string, unknown>)) {
        const b = fields[key] === 'date' ? Date.parse(String(operand)) : (operand as number | string);
        if (
          (op === 'gt' && !(a > b)) ||
          (op === 'gte' && !(a >= b)) ||
          (op === 'lt' && !(a < b)) ||
          (op === 'lte' && !(a <= b))
        )
          return false;
      }
    } else if ((actual ?? null) !== cond) return false;
  }
  return true;
}

/** A comparator for `orderBy`, ties broken by id (numeric-aware, so creation order). */
export function compareBy<T extends object>(orderBy: ListQuery['orderBy']) {
  return (xr: T, yr: T): number => {
    const x = xr as Record<string, unknown>;
    const y = yr as Record<string, unknown>;
    for (const [key, dir] of orderBy) {
      const a = x[key] as string | number | boolean | null | undefined;
      const b = y[key] as string | number | boolean | null | undefined;
      if (a === b) continue;
      const c = a === null || a === undefined ? -1 : b === null || b === undefined ? 1 : a < b ? -1 : 1;
      return dir === 'asc' ? c : -c;
    }
    const dir = orderBy[0]?.[1] ?? 'asc';
    const c = String(x.id).localeCompare(String(y.id), 'en', { numeric: true });
    return dir === 'asc' ? c : -c;
  };
}
