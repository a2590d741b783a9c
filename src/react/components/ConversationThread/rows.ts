import type { Conversation, Message, Participant } from '../../../core/types';

/** One article in the thread feed, with what it shows besides the message. */
export interface ThreadRow {
  /** Stable key: the client id survives the optimistic → confirmed swap. */
  readonly key: string;
  readonly message: Message;
  /** Set on the first message of a calendar day. */
  readonly dayKey?: string | undefined;
  /** The day heading's text ("Today", "Monday 4 March"), with `dayKey`. */
  readonly dayLabel?: string | undefined;
  /** The message's time as shown ("10:42 AM"). */
  readonly time?: string | undefined;
  /** The first unread incoming message when the thread was opened. */
  readonly newMarker: boolean;
  /** First of consecutive messages from one sender (shows avatar and name). */
  readonly startsGroup: boolean;
  /** The newest outgoing message the counterpart has read: carries the receipt. */
  readonly receipt: boolean;
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

/** How rows turn timestamps into what they show. One object per locale and day: rows built with it share it. */
export interface RowFormat {
  dayOf: (iso: string) => string;
  /** The shown time of a message (cache it: rows are rebuilt for every loaded page). */
  timeOf?: ((iso: string) => string) | undefined;
  /** The day heading of the first message of a day. */
  dayLabelOf?: ((iso: string) => string) | undefined;
}

const groupOf = (x: Message) => `${x.senderId}|${x.kind === 'system' ? 's' : x.kind === 'note' ? 'n' : 'm'}`;
const UNSET = Symbol('unset');

/**
 * A row whose day, time and group flags are worked out on first read, from the message and the
 * one before it: a thread of 10,000 messages builds 10,000 of these at mount, but only the few
 * the virtualizer renders ever parse or format a date.
 */
class LazyRow implements ThreadRow {
  readonly key: string;
  private day: string | undefined | typeof UNSET = UNSET;
  private label: string | undefined | typeof UNSET = UNSET;
  private shownTime: string | undefined | typeof UNSET = UNSET;
  private starts: boolean | typeof UNSET = UNSET;

  constructor(
    readonly message: Message,
    /** The message before this one (`undefined` for the first loaded). */
    readonly prev: Message | undefined,
    readonly newMarker: boolean,
    readonly receipt: boolean,
    readonly format: RowFormat,
  ) {
    this.key = rowKey(message);
  }

  get dayKey(): string | undefined {
    if (this.day === UNSET) {
      const day = this.format.dayOf(this.message.sentAt);
      this.day = !this.prev || this.format.dayOf(this.prev.sentAt) !== day ? day : undefined;
    }
    return this.day;
  }

  get dayLabel(): string | undefined {
    if (this.label === UNSET)
      this.label =
        this.dayKey !== undefined && this.format.dayLabelOf
          ? this.format.dayLabelOf(this.message.sentAt)
          : undefined;
    return this.label;
  }

  get time(): string | undefined {
    if (this.shownTime === UNSET) this.shownTime = this.format.timeOf?.(this.message.sentAt);
    return this.shownTime;
  }

  get startsGroup(): boolean {
    if (this.starts === UNSET) {
      const { message: m, prev } = this;
      this.starts =
        !prev ||
        this.dayKey !== undefined ||
        this.newMarker ||
        m.kind === 'system' ||
        groupOf(prev) !== groupOf(m) ||
        Date.parse(m.sentAt) - Date.parse(prev.sentAt) > GROUP_GAP_MS;
    }
    return this.starts;
  }
}

/**
 * Turns messages (oldest → newest) into feed rows: day boundaries, sender
 * groups, the "New messages" marker and the one read receipt.
 *
 * Work per message here is constant and date-free; what a row shows is derived when it is first
 * read (see {@link LazyRow}). A row whose message, predecessor, marker, receipt and format are
 * unchanged since `previous` is that same object, so memoized messages skip it.
 */
export function buildRows(
  messages: Message[],
  options: RowFormat & {
    firstUnreadId?: string | undefined;
    /** The rows built last time. */
    previous?: readonly ThreadRow[];
  },
): ThreadRow[] {
  const format: RowFormat =
    options.previous?.[0] instanceof LazyRow ? sameFormat(options.previous[0].format, options) : options;
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
  const rows = new Array<ThreadRow>(messages.length);
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    const prev = i > 0 ? messages[i - 1] : undefined;
    const newMarker = m.id === options.firstUnreadId;
    const receipt = i === receiptIndex;
    const old = before.get(rowKey(m));
    rows[i] =
      old instanceof LazyRow &&
      old.message === m &&
      sameNeighbour(old.prev, prev) &&
      old.newMarker === newMarker &&
      old.receipt === receipt &&
      old.format === format
        ? old
        : new LazyRow(m, prev, newMarker, receipt, format);
  }
  return rows;
}

/**
 * Whether a row's predecessor still gives it the same day heading and group: the same message, or
 * one with the same time, sender and kind (a refetched or re-read copy of it).
 */
function sameNeighbour(a: Message | undefined, b: Message | undefined): boolean {
  return a === b || (!!a && !!b && a.sentAt === b.sentAt && groupOf(a) === groupOf(b));
}

/** The previous rows' format when it is the same functions, so their rows can be kept. */
function sameFormat(a: RowFormat, b: RowFormat): RowFormat {
  return a.dayOf === b.dayOf && a.timeOf === b.timeOf && a.dayLabelOf === b.dayLabelOf ? a : b;
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
