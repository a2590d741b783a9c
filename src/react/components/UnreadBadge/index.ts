export { UnreadBadge, UnreadBadgeRoot, UnreadBadgeCount, UnreadBadgeLabel } from './UnreadBadge';
export type { UnreadBadgeProps, UnreadBadgeRootProps } from './UnreadBadge';
export { useUnreadCount, countOf } from './useUnreadCount';
export type { UnreadCount, UnreadKind } from './useUnreadCount';
