import { conversation } from './conversation';

/** English strings of `InboxLayout` itself; its panes bring their own. */
export const layout = {
  ...conversation,
  selectConversation: 'Select a conversation to read it.',
} as const;
