import {
  Fragment,
  forwardRef,
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { Message } from '../../../core/types';
import { dayKey, formatDayLabel, formatTime } from '../../../core/dates';
import { useMessaging } from '../../MessagingProvider';
import { useConversation } from '../../hooks/useConversation';
import { useMessages } from '../../hooks/useMessages';
import { useReportMessage } from '../../hooks/useReportMessage';
import { cx } from '../primitives/cx';
import { isImage } from './Attachments';
import { ImageViewer } from './ImageViewer';
import { ReportDialog } from './ReportDialog';
import { buildRows, isUnreadIncoming, rowKey } from './rows';
import { createSearchStore, SearchStoreContext } from './search';
import type { RowFormat, ThreadRow } from './rows';
import { MessageContext, ThreadContext } from './ThreadContext';
import type {
  AnnounceIncoming,
  AppointmentInfo,
  FeedControls,
  MessageContextValue,
  SharedOrder,
  ThreadContextValue,
} from './ThreadContext';
import { useIncomingAnnouncements } from './useIncomingAnnouncements';
import { withStrings } from '../../strings/StringsScope';
import { thread } from '../../strings/en/thread';

/** Props of {@link ConversationThreadRoot}. */
export interface ConversationThreadRootProps extends ComponentPropsWithoutRef<'section'> {
  /** The conversation to show. */
  conversationId: string;
  /** Shows "Back to conversations" as the header's first control. */
  onBack?: () => void;
  /** Shows "Open order" on shared-order cards. */
  onOpenOrder?: (order: SharedOrder, message: Message) => void;
  /** Shows "Open appointment" on appointment events. */
  onOpenAppointment?: (appointment: AppointmentInfo, message: Message) => void;
  /** Ctrl+End moves focus here; without it, to `[data-slot="composer-input"]` in the same layout. */
  onRequestComposerFocus?: () => void;
  /** How messages from others are announced to screen readers. @defaultValue 'sender' */
  announceIncoming?: AnnounceIncoming;
}

type DialogState = { message: Message; trigger: HTMLElement | null } | null;

const ConversationThreadRootInner = forwardRef<HTMLElement, ConversationThreadRootProps>(
  function ConversationThreadRoot(
    {
      conversationId,
      onBack,
      onOpenOrder,
      onOpenAppointment,
      onRequestComposerFocus,
      announceIncoming = 'sender',
      className,
      children,
      ...rest
    },
    ref,
  ) {
    const { theme, t, announce, locale } = useMessaging('ConversationThread.Root');
    const rootRef = useRef<HTMLElement>(null);
    useImperativeHandle(ref, () => rootRef.current!);
    const headingRef = useRef<HTMLHeadingElement>(null);
    const feedControls = useRef<FeedControls | null>(null);
    const headingId = `${useId()}-heading`;
    const conversation = useConversation(conversationId).data;
    const thread = useMessages(conversationId);

    // The "New messages" marker stays where the first unread message was when the thread opened.
    const [marker, setMarker] = useState<{ conversationId: string; id: string | undefined } | null>(null);
    const loaded = thread.isSuccess;
    // Looked up once per messages array, not per render: in a long, fully read thread it is a full scan.
    const currentFirstUnread = useMemo(() => thread.messages.find(isUnreadIncoming)?.id, [thread.messages]);
    useEffect(() => {
      if (loaded && marker?.conversationId !== conversationId)
        setMarker({ conversationId, id: currentFirstUnread });
    }, [loaded, conversationId, marker, currentFirstUnread]);
    const firstUnreadId = marker?.conversationId === conversationId ? marker.id : currentFirstUnread;
    // What rows show is derived per message when first rendered (rows.ts), through these caches: one
    // per locale and day, so rows rebuilt for a new page keep what they already worked out.
    const today = dayKey(new Date().toISOString()); // "Today"/"Yesterday" move on at midnight
    const format = useMemo<RowFormat>(() => {
      const labels = { today: t('today'), yesterday: t('yesterday') };
      const now = new Date();
      const times = new Map<string, string>();
      const days = new Map<string, string>();
      return {
        dayOf: (iso) => {
          let s = days.get(iso);
          if (s === undefined) days.set(iso, (s = dayKey(iso)));
          return s;
        },
        timeOf: (iso) => {
          let s = times.get(iso);
          if (s === undefined) times.set(iso, (s = formatTime(iso, locale)));
          return s;
        },
        dayLabelOf: (iso) => formatDayLabel(iso, labels, now, locale),
      };
      // `today` is a dependency on purpose: labels and "now" move on at midnight.
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [locale, t, today]);
    // Rows that did not change keep their object, so memoized messages skip re-rendering.
    const previousRows = useRef<readonly ThreadRow[]>([]);
    const rows = useMemo(
      () =>
        (previousRows.current = buildRows(thread.messages, {
          ...format,
          firstUnreadId,
          previous: previousRows.current,
        })),
      [thread.messages, firstUnreadId, format],
    );

    useIncomingAnnouncements(thread.messages, conversation, announceIncoming);

    const [atBottom, setAtBottom] = useState(true);
    const [unseen, setUnseenState] = useState(0);
    const setUnseen = useCallback((update: (n: number) => number) => setUnseenState(update), []);
    const [menuFor, setMenuFor] = useState<string | null>(null);
    const [searchStore] = useState(() => createSearchStore(locale));
    const [report, setReport] = useState<DialogState>(null);
    const [viewer, setViewer] = useState<(NonNullable<DialogState> & { index: number }) | null>(null);
    const returnFocus = useRef<HTMLElement | null>(null);

    // Dialog close: back to the trigger, else (it scrolled away) the message's article.
    const afterClose = (state: DialogState) => {
      setTimeout(() => {
        if (state && !state.trigger?.isConnected) feedControls.current?.focusRow(rowKey(state.message));
      }, 0);
    };
    const reportMutation = useReportMessage(conversationId);
    const openReport = useCallback((message: Message, trigger: HTMLElement | null) => {
      returnFocus.current = trigger;
      setReport({ message, trigger });
    }, []);
    const openViewer = useCallback((message: Message, index: number, trigger: HTMLElement | null) => {
      returnFocus.current = trigger;
      setViewer({ message, trigger, index });
    }, []);
    // Both keep their identity when a send patches the conversation's last message (and through refetches).
    const counterpart = conversation?.counterpart;
    const subject = conversation?.subject;
    const messageContext = useMemo<MessageContextValue>(
      () => ({
        conversationId,
        counterpart,
        subject,
        menuFor,
        setMenuFor,
        openReport,
        openViewer,
        onOpenOrder,
        onOpenAppointment,
        onRequestComposerFocus,
      }),
      [
        conversationId,
        counterpart,
        subject,
        menuFor,
        openReport,
        openViewer,
        onOpenOrder,
        onOpenAppointment,
        onRequestComposerFocus,
      ],
    );
    const value: ThreadContextValue = {
      conversationId,
      conversation,
      thread,
      rows,
      headingId,
      headingRef,
      rootRef,
      feedControls,
      onBack,
      onOpenOrder,
      onOpenAppointment,
      onRequestComposerFocus,
      atBottom,
      setAtBottom,
      unseen,
      setUnseen,
      menuFor,
      setMenuFor,
      openReport,
      openViewer,
    };
    const viewerMessage = viewer
      ? (thread.messages.find((m) => m.id === viewer.message.id) ?? viewer.message)
      : undefined;
    return (
      <section
        ref={rootRef}
        aria-labelledby={headingId}
        className={cx('ik-root ik-thread', className)}
        data-theme={theme}
        data-slot="thread"
        {...rest}
      >
        <ThreadContext.Provider value={value}>
          <MessageContext.Provider value={messageContext}>
            <SearchStoreContext.Provider value={searchStore}>
              <Fragment key={conversationId}>{children}</Fragment>
            </SearchStoreContext.Provider>
          </MessageContext.Provider>
          <ReportDialog
            open={!!report}
            returnFocusRef={returnFocus}
            onClose={() => {
              afterClose(report);
              setReport(null);
            }}
            onSubmit={async ({ reason, details }) => {
              if (!report) return;
              await reportMutation.mutateAsync({
                messageId: report.message.id,
                reason,
                ...(details ? { details } : {}),
              });
              afterClose(report);
              setReport(null);
              // After focus is back on the trigger and read out.
              announce(t('messageReported'), { delayMs: 150 });
            }}
          />
          <ImageViewer
            images={viewerMessage ? viewerMessage.attachments.filter(isImage) : []}
            index={viewer ? viewer.index : null}
            returnFocusRef={returnFocus}
            onIndexChange={(index) => setViewer((v) => (v ? { ...v, index } : v))}
            onClose={() => {
              afterClose(viewer);
              setViewer(null);
            }}
          />
        </ThreadContext.Provider>
      </section>
    );
  },
);

/**
 * The thread's `<section aria-labelledby>`: loads the conversation and its
 * messages, shares them with the parts, announces incoming messages, and
 * hosts the report dialog and image viewer (outside the virtualized rows, so
 * they survive scrolling). Parts remount when `conversationId` changes.
 */
export const ConversationThreadRoot = withStrings(thread, ConversationThreadRootInner);
