/** The thread and composer InboxLayout shows by default: one chunk, loaded when a conversation opens (or when idle). */
export { ConversationThread } from '../ConversationThread/ConversationThread';
export { Composer } from '../Composer/Composer';
