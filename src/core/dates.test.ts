import { formatDayLabel, formatListTime } from './dates';

const labels = { today: 'Today', yesterday: 'Yesterday' };
/** Local time, as the reader's calendar sees it. */
const local = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min);

describe('calendar days in local time', () => {
  it('labels days by the calendar, not by 24-hour spans', () => {
    const now = local(2026, 3, 30, 0, 30);
    // 40 minutes earlier, but on the previous calendar day.
    expect(formatDayLabel(local(2026, 3, 29, 23, 50).toISOString(), labels, now)).toBe('Yesterday');
    expect(formatDayLabel(local(2026, 3, 30, 0, 1).toISOString(), labels, now)).toBe('Today');
    // 47 hours earlier is two calendar days back: a long date, with no year in the same year.
    expect(formatDayLabel(local(2026, 3, 28, 1, 30).toISOString(), labels, now)).toBe('Saturday, March 28');
    expect(formatDayLabel(local(2025, 12, 31).toISOString(), labels, now)).toBe(
      'Wednesday, December 31, 2025',
    );
  });

  it('shows inbox times as the time today, the weekday within a week, else the date', () => {
    const now = local(2026, 3, 30, 9);
    expect(formatListTime(local(2026, 3, 30, 8, 5).toISOString(), now)).toBe('8:05 AM');
    expect(formatListTime(local(2026, 3, 29, 23).toISOString(), now)).toBe('Sun');
    expect(formatListTime(local(2026, 3, 24, 23).toISOString(), now)).toBe('Tue');
    expect(formatListTime(local(2026, 3, 23, 23).toISOString(), now)).toBe('Mar 23');
    expect(formatListTime(local(2025, 3, 22).toISOString(), now)).toBe('Mar 22, 2025');
    expect(formatListTime('not a date', now)).toBe('');
  });
});
