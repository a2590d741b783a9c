import type { Conversation, UnreadSummary } from './types';

/** Sums unread counts over conversations. */
export function summarizeUnread(conversations: readonly Pick<Conversation, 'unreadCount'>[]): UnreadSummary {
  let messages = 0;
  let withUnread = 0;
  for (const c of conversations) {
    const n = Math.max(0, c.unreadCount);
    messages += n;
    if (n > 0) withUnread += 1;
  }
  return { messages, conversations: withUnread };
}

/**
 * The summary after one conversation's unread count changes from `before` to
 * `after`. Never goes below zero.
 */
export function applyUnreadChange(summary: UnreadSummary, before: number, after: number): UnreadSummary {
  const b = Math.max(0, before);
  const a = Math.max(0, after);
  const conversationsDelta = (a > 0 ? 1 : 0) - (b > 0 ? 1 : 0);
  return {
    ...summary,
    messages: Math.max(0, summary.messages + a - b),
    conversations: Math.max(0, summary.conversations + conversationsDelta),
  };
}

/** Formats a count for a badge: `max` and above become `"{max}+"`. */
export function formatBadgeCount(count: number, max = 99): string {
  if (count <= 0) return '0';
  return count > max ? `${max}+` : String(count);
}
