import * as v from 'valibot';
import { TransportError } from '../../../core/TransportError';

/** Building blocks every marketplace schema shares, and {@link parseWire}. */

export const str = v.string();
export const num = v.number();
export const nstr = v.nullish(v.string());

export const envelope = <T extends v.GenericSchema>(data: T) =>
  v.looseObject({ success: v.optional(v.boolean()), data });

/** A readable path such as `data.conversations[0].unread_count`. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

/**
 * Validates a response body; a mismatch rejects with `invalid_response`
 * naming the first bad field.
 */
export function parseWire<T extends v.GenericSchema>(schema: T, data: unknown): v.InferOutput<T> {
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw new TransportError(
    'invalid_response',
    `The server sent data that could not be read: ${issuePath(issue)}: ${issue.message}`,
    { cause: result.issues },
  );
}
