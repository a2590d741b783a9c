import type { MockKnobs } from '../knobs';

/** Whether `knobs.now()` falls in the shop's SMS quiet hours `[start, end)` (local hours; may wrap midnight). */
export function inQuietHours(knobs: Pick<MockKnobs, 'now' | 'quietHours'>): boolean {
  const [start, end] = knobs.quietHours;
  const h = knobs.now().getHours();
  if (start === end) return false;
  return start < end ? h >= start && h < end : h >= start || h < end;
}
