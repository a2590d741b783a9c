import { describe, expect, it } from 'vitest';
import { applyUnreadChange, formatBadgeCount, summarizeUnread } from './unread';

describe('unread arithmetic', () => {
  it('sums messages and counts conversations with unread', () => {
    expect(summarizeUnread([{ unreadCount: 2 }, { unreadCount: 0 }, { unreadCount: 5 }])).toEqual({
      messages: 7,
      conversations: 2,
    });
  });
  it('reading a conversation lowers both counters', () => {
    expect(applyUnreadChange({ messages: 7, conversations: 2 }, 5, 0)).toEqual({
      messages: 2,
      conversations: 1,
    });
  });
  it('a new unread message in a read conversation raises both', () => {
    expect(applyUnreadChange({ messages: 0, conversations: 0, notifications: 3 }, 0, 1)).toEqual({
      messages: 1,
      conversations: 1,
      notifications: 3,
    });
  });
  it('never goes negative', () => {
    expect(applyUnreadChange({ messages: 1, conversations: 0 }, 4, 0)).toEqual({
      messages: 0,
      conversations: 0,
    });
  });
  it('caps the badge text', () => {
    expect(formatBadgeCount(142)).toBe('99+');
    expect(formatBadgeCount(99)).toBe('99');
    expect(formatBadgeCount(12, 9)).toBe('9+');
  });
});
