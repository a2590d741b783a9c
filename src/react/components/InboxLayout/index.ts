export { InboxLayout } from './InboxLayout';
export type { InboxLayoutProps, InboxLayoutHandle, InboxLayoutPane, ThreadSlotProps } from './InboxLayout';
export { NARROW_BELOW } from './useContainerLayout';
