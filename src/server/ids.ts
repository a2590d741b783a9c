/**
 * Event ids are Redis stream ids, `<ms>-<seq>`: ordered across every relay
 * instance that shares a broker, and comparable without a lookup.
 */
export type EventId = string;

const ID = /^(\d{1,16})-(\d{1,16})$/;

/** Whether `id` has the `<ms>-<seq>` form. */
export function isEventId(id: string): boolean {
  return ID.test(id);
}

/** Orders two event ids: negative when `a` is older than `b`. */
export function compareIds(a: EventId, b: EventId): number {
  const [, am = '0', as = '0'] = ID.exec(a) ?? [];
  const [, bm = '0', bs = '0'] = ID.exec(b) ?? [];
  return Number(am) - Number(bm) || Number(as) - Number(bs);
}

/** The id before any event. */
export const START_ID: EventId = '0-0';
