import type {
  HttpTransportOptions,
  MessagingTransport,
  RealtimeListener,
  TransportCapabilities,
} from '../types';
import type { MarketplaceContext } from './verbs/context';
import { domainEvent } from '../domainEvents';

type Context = { m: typeof import('./verbs/context'); c: MarketplaceContext };

/** Options of {@link createMarketplaceTransport}. */
export interface MarketplaceTransportOptions extends HttpTransportOptions {
  /**
   * Which API family to speak: `v1` (`/v1/messages/*`, `baseUrl` ends in
   * `/v1`) or `api` (the older `/api/messages/*`, `baseUrl` is the origin).
   * @defaultValue 'v1'
   */
  profile?: 'v1' | 'api';
  /**
   * Where `/api/notifications` lives. @defaultValue `<origin>/api/notifications`,
   * the origin being `baseUrl` without a trailing `/v1`
   */
  notificationsBaseUrl?: string;
  /**
   * The signed-in user's id, when the host knows it. Used for `senderId` of
   * sent messages when the server omits it, and for realtime direction.
   */
  userId?: string;
  /**
   * `api` profile only: that family does not say who is the buyer, so the
   * counterpart gets this role. @defaultValue 'seller'
   */
  apiCounterpartRole?: 'buyer' | 'seller';
}

const MB = 1024 * 1024;
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
const DOCUMENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/plain',
];

function capabilitiesFor(profile: 'v1' | 'api', realtime: boolean): TransportCapabilities {
  const v1 = profile === 'v1';
  return {
    templates: v1,
    createTemplates: v1,
    quickReplies: v1,
    archive: true,
    unarchive: v1,
    delete: v1,
    report: v1,
    ...(v1
      ? { attachments: { maxCount: 5, maxBytes: 10 * MB, mimeTypes: [...IMAGE_TYPES, ...DOCUMENT_TYPES] } }
      : {}),
    perMessageRead: v1,
    // v1 documents Idempotency-Key; the /api server ignores it (seen on a running copy).
    idempotentSends: v1,
    internalNotes: false,
    deliveryChannels: [],
    notifications: true,
    preferences: false,
    preferenceCategories: [],
    preferenceChannels: [],
    startConversation: true,
    filters: v1 ? ['all', 'unread', 'read', 'archived'] : ['all', 'archived'],
    roleFilter: v1,
    search: v1,
    realtime,
    suggestedReplies: false,
    orderShare: false,
    quietHours: false,
    maxTextLength: 5000,
  };
}

/**
 * Creates a {@link MessagingTransport} for the vehicle marketplace Messages
 * API. Sends carry `Idempotency-Key: <clientId>`; attachments go as
 * multipart. Realtime events come from `events` (webhook-shaped payloads).
 *
 * The factory holds only options, capabilities and the verb stubs: the HTTP
 * client loads with the first call, and each verb group's schemas and mappers
 * with its own first call (dynamic imports of `verbs/`), so a host that only
 * shows an unread badge downloads only the client and the unread verb.
 *
 * ```ts
 * const transport = createMarketplaceTransport({ baseUrl: 'https://api.example.com/v1', getToken: () => auth.token() });
 * ```
 */
export function createMarketplaceTransport(options: MarketplaceTransportOptions): MessagingTransport {
  const profile = options.profile ?? 'v1';
  // The HTTP clients and the adapter's memory, built on the first call (a failed load is retried on the next).
  let context: Promise<Context> | undefined;
  const ctx = () =>
    (context ??= import('./verbs/context').then(
      (m) => ({ m, c: m.createMarketplaceContext(options) }),
      (e: unknown) => {
        context = undefined;
        throw e;
      },
    ));
  // Verb groups, each a chunk of its own in a host's bundle.
  const threads = () => import('./verbs/threads');
  const unread = () => import('./verbs/unread');
  const templates = () => import('./verbs/templates');
  const notifications = () => import('./verbs/notifications');
  /** Loads a verb group and the context together, then runs the verb. */
  const run = async <M, R>(
    group: () => Promise<M>,
    verb: (m: M, c: MarketplaceContext) => Promise<R>,
  ): Promise<R> => {
    const [m, { c }] = await Promise.all([group(), ctx()]);
    return verb(m, c);
  };
  const unsupported = async (what: string): Promise<never> => (await ctx()).m.unsupported(what);

  const transport: MessagingTransport = {
    id: 'marketplace',
    capabilities: capabilitiesFor(profile, !!options.events),
    listConversations: (params) => run(threads, (m, c) => m.listConversations(c, params)),
    getConversation: (id, opts) => run(threads, (m, c) => m.getConversation(c, id, opts)),
    startConversation: (input) => run(threads, (m, c) => m.startConversation(c, input)),
    listMessages: (params) => run(threads, (m, c) => m.listMessages(c, params)),
    sendMessage: (input) => run(threads, (m, c) => m.sendMessage(c, input)),
    markRead: (conversationId, messageIds, opts) =>
      run(threads, (m, c) => m.markRead(c, conversationId, messageIds, opts)),
    archive: (conversationId, opts) => run(threads, (m, c) => m.archive(c, conversationId, opts)),
    unarchive: (conversationId, opts) => run(threads, (m, c) => m.unarchive(c, conversationId, opts)),
    deleteConversation: (conversationId, opts) =>
      run(threads, (m, c) => m.deleteConversation(c, conversationId, opts)),
    reportMessage: (messageId, reason, details, opts) =>
      run(threads, (m, c) => m.reportMessage(c, messageId, reason, details, opts)),
    listTemplates: (opts) => run(templates, (m, c) => m.listTemplates(c, opts)),
    createTemplate: (input, opts) => run(templates, (m, c) => m.createTemplate(c, input, opts)),
    getUnreadSummary: (opts) => run(unread, (m, c) => m.getUnreadSummary(c, opts)),
    getPreferences: () => unsupported('Notification preferences'),
    updatePreferences: () => unsupported('Notification preferences'),
    listNotifications: (params) => run(notifications, (m, c) => m.listNotifications(c, params)),
    markNotificationRead: (id, opts) => run(notifications, (m, c) => m.markNotificationRead(c, id, opts)),
    markAllNotificationsRead: (opts) => run(notifications, (m, c) => m.markAllNotificationsRead(c, opts)),
  };

  if (options.events) {
    const events = options.events;
    transport.subscribe = (listener: RealtimeListener) => {
      // The mapper loads with the subscription; events keep their order (one promise, callbacks FIFO).
      const mapper = Promise.all([threads(), ctx()]);
      return events((raw) => {
        // Domain events (from a relay) need no mapping, but keep their place in the queue.
        const domain = domainEvent(raw);
        if (domain) return void mapper.then(() => listener(domain));
        void mapper.then(([{ toRealtimeEvent }, { c }]) => {
          const event = toRealtimeEvent(c, raw);
          if (event) listener(event);
        });
      });
    };
  }

  return transport;
}
