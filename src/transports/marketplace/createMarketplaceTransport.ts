import type {
  HttpTransportOptions,
  MessagingTransport,
  RealtimeListener,
  TransportCapabilities,
} from '../types';
import { createDiagnostics } from '../diagnostics';
import type { MarketplaceContext } from './verbs/context';
import { domainEvent } from '../domainEvents';

type ContextModule = typeof import('./verbs/context');
type Context = { m: ContextModule; c: MarketplaceContext };
type ThreadVerbs = typeof import('./verbs/v1Threads') | typeof import('./verbs/apiThreads');
type UnreadVerbs = typeof import('./verbs/v1Unread') | typeof import('./verbs/apiUnread');
type TemplateVerbs = typeof import('./verbs/templates');

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
   * `api` profile: how long to wait after a send whose answer was lost before
   * looking whether the server stored it. @defaultValue 750
   */
  reconcileDelayMs?: number;
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
 * What differs between the two API families, picked once when the transport is created: the
 * capabilities and the verb modules (each loaded on its first call, a chunk of its own in a host's
 * bundle). The verbs never ask which profile they serve.
 */
interface Profile {
  capabilities(realtime: boolean): TransportCapabilities;
  threads: () => Promise<ThreadVerbs>;
  unread: () => Promise<UnreadVerbs>;
  /** Absent where the family has no templates. */
  templates?: () => Promise<TemplateVerbs>;
}

const PROFILES: Record<'v1' | 'api', Profile> = {
  v1: {
    capabilities: (realtime) => capabilitiesFor('v1', realtime),
    threads: () => import('./verbs/v1Threads'),
    unread: () => import('./verbs/v1Unread'),
    templates: () => import('./verbs/templates'),
  },
  api: {
    capabilities: (realtime) => capabilitiesFor('api', realtime),
    threads: () => import('./verbs/apiThreads'),
    unread: () => import('./verbs/apiUnread'),
  },
};

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
  const profileName = options.profile ?? 'v1';
  const profile = PROFILES[profileName];
  const diagnostics = createDiagnostics(options.onDiagnostic);
  // The HTTP clients and the adapter's memory, built on the first call (a failed load is retried on the next).
  let context: Promise<Context> | undefined;
  const ctx = () =>
    (context ??= import('./verbs/context').then(
      (m) => ({ m, c: m.createMarketplaceContext(options, profileName, diagnostics) }),
      (e: unknown) => {
        context = undefined;
        throw e;
      },
    ));
  const { threads, unread, templates } = profile;
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
    capabilities: profile.capabilities(!!options.events),
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
    listTemplates: (opts) =>
      templates ? run(templates, (m, c) => m.listTemplates(c, opts)) : unsupported('Templates'),
    createTemplate: (input, opts) =>
      templates ? run(templates, (m, c) => m.createTemplate(c, input, opts)) : unsupported('Templates'),
    getUnreadSummary: (opts) => run(unread, (m, c) => m.getUnreadSummary(c, opts)),
    getPreferences: () => unsupported('Notification preferences'),
    updatePreferences: () => unsupported('Notification preferences'),
    listNotifications: (params) => run(notifications, (m, c) => m.listNotifications(c, params)),
    markNotificationRead: (id, opts) => run(notifications, (m, c) => m.markNotificationRead(c, id, opts)),
    markAllNotificationsRead: (opts) => run(notifications, (m, c) => m.markAllNotificationsRead(c, opts)),
    subscribeDiagnostics: (listener) => diagnostics.subscribe(listener),
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
