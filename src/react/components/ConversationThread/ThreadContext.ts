import type { RefObject } from 'react';
import type { Conversation, Message, MessageExtras, Participant, Subject } from '../../../core/types';
import { createStrictContext } from '../../createContext';
import type { useMessages } from '../../hooks/useMessages';
import type { ThreadRow } from './rows';

/** An order shared in a message (Shopmonkey `isOrderShare`). */
export type SharedOrder = NonNullable<MessageExtras['orderShare']>;
/** An appointment event carried by a message (Shopmonkey `appointmentEvent`). */
export type AppointmentInfo = NonNullable<MessageExtras['appointment']>;
/** How incoming messages are announced to screen readers. */
export type AnnounceIncoming = 'sender' | 'sender-and-text' | 'off';

/** What the feed lets other parts do (set by `ConversationThread.Feed`). */
export interface FeedControls {
  /** Scrolls to the newest message and focuses it. */
  jumpToLatest: () => void;
  /** Scrolls a message into view (by row key) and focuses its article. */
  focusRow: (key: string) => void;
  /** Scrolls a message into view (by row key) without moving focus (find in conversation). */
  revealRow: (key: string) => void;
}

/** Shared by the parts of one thread. */
export interface ThreadContextValue {
  conversationId: string;
  conversation: Conversation | undefined;
  thread: ReturnType<typeof useMessages>;
  rows: ThreadRow[];
  headingId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  rootRef: RefObject<HTMLElement | null>;
  feedControls: RefObject<FeedControls | null>;
  onBack: (() => void) | undefined;
  onOpenOrder: ((order: SharedOrder, message: Message) => void) | undefined;
  onOpenAppointment: ((appointment: AppointmentInfo, message: Message) => void) | undefined;
  onRequestComposerFocus: (() => void) | undefined;
  /** Whether the reader is at the newest message. */
  atBottom: boolean;
  setAtBottom: (value: boolean) => void;
  /** New messages that arrived while the reader was scrolled up. */
  unseen: number;
  setUnseen: (update: (n: number) => number) => void;
  /** The message whose "More actions" menu is open. */
  menuFor: string | null;
  setMenuFor: (id: string | null) => void;
  openReport: (message: Message, trigger: HTMLElement | null) => void;
  openViewer: (message: Message, index: number, trigger: HTMLElement | null) => void;
}

const [ThreadContext, useThreadContext] = createStrictContext<ThreadContextValue>('ConversationThread.Root');
export { ThreadContext, useThreadContext };

/**
 * What the parts of one message read from `ConversationThread.Root`. Kept apart
 * from {@link ThreadContextValue} (which changes with every message, scroll and
 * fetch) so that memoized messages re-render only when the counterpart, the
 * subject or the open menu changes: not when another message is sent or
 * arrives, nor when the conversation's last message or unread count moves.
 */
export interface MessageContextValue extends Pick<
  ThreadContextValue,
  | 'conversationId'
  | 'menuFor'
  | 'setMenuFor'
  | 'openReport'
  | 'openViewer'
  | 'onOpenOrder'
  | 'onOpenAppointment'
  | 'onRequestComposerFocus'
> {
  counterpart: Participant | undefined;
  subject: Subject | undefined;
}

const [MessageContext, useMessageContext] =
  createStrictContext<MessageContextValue>('ConversationThread.Root');
export { MessageContext, useMessageContext };
