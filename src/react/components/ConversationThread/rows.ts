import type { Conversation, Message, Participant } from '../../../core/types';

/** One article in the thread feed, with what it shows besides the message. */
export interface ThreadRow {
  /** Stable key: the client id survives the optimistic → confirmed swap. */
  key: string;
  message: Message;
  /** Set on the first message of a calendar day. */
  dayKey?: string;
  /** The day heading's text ("Today", "Monday 4 March"), with `dayKey`. Computed when rows are built, not per render. */
  dayLabel?: string;
  /** The message's time as shown ("10:42 AM"). Computed when rows are built, not per render. */
  time?: string;
  /** The first unread incoming message when the thread was opened. */
  newMarker: boolean;
  /** First of consecutive messages from one sender (shows avatar and name). */
  startsGroup: boolean;
  /** The newest outgoing message the counterpart has read: carries the receipt. */
  receipt: boolean;
}

/** Messages further apart than this start a new sender group. */
const GROUP_GAP_MS = 10 * 60_000;

/** Whether an incoming message is still unread by the current user. */
export function isUnreadIncoming(m: Message): boolean {
  return m.direction === 'incoming' && m.kind !== 'system' && !m.deleted && !(m.read ?? !!m.readAt);
}

/** Row key of a message. */
export function rowKey(m: Message): string {
  return m.clientId ? `c:${m.clientId}` : m.id;
}

/**
 * Turns messages (oldest → newest) into feed rows: day boundaries, sender
 * groups, the "New messages" marker and the one read receipt.
 */
export function buildRows(
  messages: Message[],
  options: {
    firstUnreadId?: string | undefined;
    dayOf: (iso: string) => string;
    /** The shown time of a message (cache it: rows are rebuilt for every loaded page). */
    timeOf?: (iso: string) => string;
    /** The day heading of the first message of a day. */
    dayLabelOf?: (iso: string) => string;
    /** The rows built last time: a row that comes out the same is that same object, so memoized messages can skip it. */
    previous?: readonly ThreadRow[];
  },
): ThreadRow[] {
  const before = new Map<string, ThreadRow>();
  for (const row of options.previous ?? []) before.set(row.key, row);
  let receiptIndex = -1;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.direction === 'outgoing' && m.kind !== 'note' && m.kind !== 'system' && m.readAt && !m.deleted) {
      receiptIndex = i;
      break;
    }
  }
  const rows: ThreadRow[] = [];
  let prev: Message | undefined;
  let prevDay: string | undefined;
  messages.forEach((m, i) => {
    const day = options.dayOf(m.sentAt);
    const newDay = day !== prevDay;
    const groupOf = (x: Message) =>
      `${x.senderId}|${x.kind === 'system' ? 's' : x.kind === 'note' ? 'n' : 'm'}`;
    const newMarker = m.id === options.firstUnreadId;
    const startsGroup =
      !prev ||
      newDay ||
      newMarker ||
      m.kind === 'system' ||
      groupOf(prev) !== groupOf(m) ||
      Date.parse(m.sentAt) - Date.parse(prev.sentAt) > GROUP_GAP_MS;
    const row: ThreadRow = {
      key: rowKey(m),
      message: m,
      ...(newDay
        ? { dayKey: day, ...(options.dayLabelOf ? { dayLabel: options.dayLabelOf(m.sentAt) } : {}) }
        : {}),
      ...(options.timeOf ? { time: options.timeOf(m.sentAt) } : {}),
      newMarker,
      startsGroup,
      receipt: i === receiptIndex,
    };
    const old = before.get(row.key);
    rows.push(old && sameRow(old, row) ? old : row);
    prev = m;
    prevDay = day;
  });
  return rows;
}

function sameRow(a: ThreadRow, b: ThreadRow): boolean {
  return (
    a.message === b.message &&
    a.dayKey === b.dayKey &&
    a.dayLabel === b.dayLabel &&
    a.time === b.time &&
    a.newMarker === b.newMarker &&
    a.startsGroup === b.startsGroup &&
    a.receipt === b.receipt
  );
}

/** Who wrote a message, as far as the thread knows. */
export function senderOf(
  m: Message,
  conversation: Pick<Conversation, 'counterpart'> | undefined,
  me: { id: string; name?: string | undefined } | undefined,
  labels: { you: string; system: string; staff?: string },
): Participant & { isMe: boolean } {
  if (m.kind === 'system')
    return { id: m.senderId || 'system', name: labels.system, role: 'staff', isMe: false };
  const color = m.extras?.authorColor;
  if (me && m.senderId === me.id)
    return { id: me.id, name: labels.you, role: 'staff', ...(color ? { color } : {}), isMe: true };
  const counterpart = conversation?.counterpart;
  if (counterpart && (m.senderId === counterpart.id || (m.direction === 'incoming' && !m.extras?.authorName)))
    return { ...counterpart, isMe: false };
  // Backends that do not name staff authors (Shopmonkey) get a role label rather than a raw id.
  return {
    id: m.senderId,
    name: m.extras?.authorName ?? labels.staff ?? m.senderId,
    role: 'staff',
    ...(color ? { color } : {}),
    isMe: false,
  };
}
