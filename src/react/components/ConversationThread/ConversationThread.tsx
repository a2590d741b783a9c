import { Attachments } from './Attachments';
import { ConversationThreadRoot } from './ConversationThreadRoot';
import type { ConversationThreadRootProps } from './ConversationThreadRoot';
import { DeliveryStatus } from './DeliveryStatus';
import { ImageViewer } from './ImageViewer';
import { JumpToLatest } from './JumpToLatest';
import { MessageBody } from './MessageBody';
import { AppointmentEvent, MessageHints, OrderShareCard } from './MessageDetails';
import { MessageItem } from './MessageItem';
import { MessageMenu } from './MessageMenu';
import { ReportDialog } from './ReportDialog';
import { ThreadFeed } from './ThreadFeed';
import { ThreadHeader } from './ThreadHeader';
import { ThreadSearch } from './ThreadSearch';

/** Props of the drop-in {@link ConversationThread}. */
export type ConversationThreadProps = Omit<ConversationThreadRootProps, 'children'>;

/**
 * A conversation's messages, ready to drop in: header, virtualized feed and
 * "Jump to latest". Built from the same public parts a host can recompose:
 * `ConversationThread.Root`, `.Header`, `.Feed`, `.JumpToLatest`, and the
 * message parts (`.Message`, `.MessageBody`, `.Attachments`, …).
 *
 * @example
 * <ConversationThread conversationId={id} onBack={() => select(null)} onOpenOrder={(o) => openOrder(o.orderId)} />
 */
function ConversationThreadDropIn(props: ConversationThreadProps) {
  return (
    <ConversationThreadRoot {...props}>
      <ThreadHeader>
        <ThreadSearch />
      </ThreadHeader>
      <ThreadFeed />
      <JumpToLatest />
    </ConversationThreadRoot>
  );
}

export const ConversationThread = Object.assign(ConversationThreadDropIn, {
  Root: ConversationThreadRoot,
  Header: ThreadHeader,
  Search: ThreadSearch,
  Feed: ThreadFeed,
  JumpToLatest,
  Message: MessageItem,
  MessageBody,
  MessageHints,
  Attachments,
  DeliveryStatus,
  OrderShareCard,
  AppointmentEvent,
  MessageMenu,
  ReportDialog,
  ImageViewer,
});
