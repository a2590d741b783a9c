import { createHttpClient } from '../http';
import type { HttpClient } from '../http';
import type { HttpTransportOptions, MessagingTransport, RealtimeListener, TransportCapabilities } from '../types';
import type { Perspective } from './mappers';
import type { MarketplaceContext } from './verbs/context';
import { req, seg, unsupported } from './verbs/context';

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
    ...(v1 ? { attachments: { maxCount: 5, maxBytes: 10 * MB, mimeTypes: [...IMAGE_TYPES, ...DOCUMENT_TYPES] } } : {}),
    perMessageRead: v1,
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
 * The factory holds only the HTTP clients and capabilities; each verb group's
 * schemas and mappers load on its first call (a dynamic import of `verbs/`), so a
 * host that only shows an unread badge downloads only the unread verb.
 *
 * ```ts
 * const transport = createMarketplaceTransport({ baseUrl: 'https://api.example.com/v1', getToken: () => auth.token() });
 * ```
 */
export function createMarketplaceTransport(options: MarketplaceTransportOptions): MessagingTransport {
  const profile = options.profile ?? 'v1';
  const base = options.baseUrl.replace(/\/+$/, '');
  const origin = profile === 'v1' ? base.replace(/\/v1$/, '') : base;
  const http = createHttpClient({ ...options, baseUrl: base });
  const apiHttp = profile === 'api' ? http : createHttpClient({ ...options, baseUrl: origin });
  const notificationsHttp: HttpClient = createHttpClient({ ...options, baseUrl: options.notificationsBaseUrl ?? `${origin}/api/notifications` });
  const counterparts = new Map<string, string>();
  const ctx: MarketplaceContext = {
    profile,
    options,
    http,
    apiHttp,
    notificationsHttp,
    counterpartRole: options.apiCounterpartRole ?? 'seller',
    counterparts,
    remember: (c) => {
      counterparts.set(c.id, c.counterpart.id);
      return c;
    },
    who: (conversationId) => {
      const p: Perspective = {};
      const counterpartId = counterparts.get(conversationId);
      if (counterpartId) p.counterpartId = counterpartId;
      if (options.userId) p.userId = options.userId;
      return p;
    },
  };
  // Verb groups, each a chunk of its own in a host's bundle.
  const threads = () => import('./verbs/threads');
  const unread = () => import('./verbs/unread');
  const templates = () => import('./verbs/templates');
  const notifications = () => import('./verbs/notifications');

  const transport: MessagingTransport = {
    id: 'marketplace',
    capabilities: capabilitiesFor(profile, !!options.events),
    listConversations: async (params) => (await threads()).listConversations(ctx, params),
    getConversation: async (id, opts) => (await threads()).getConversation(ctx, id, opts),
    startConversation: async (input) => (await threads()).startConversation(ctx, input),
    listMessages: async (params) => (await threads()).listMessages(ctx, params),
    sendMessage: async (input) => (await threads()).sendMessage(ctx, input),
    markRead: async (conversationId, messageIds, opts) => (await threads()).markRead(ctx, conversationId, messageIds, opts),
    archive: async (conversationId, opts) => (await threads()).archive(ctx, conversationId, opts),

    async unarchive(conversationId, opts = {}) {
      if (profile === 'api') return unsupported('Un-archiving');
      await req(http, { method: 'DELETE', path: `/messages/conversations/${seg(conversationId)}/archive`, idempotent: true, signal: opts.signal });
    },

    async deleteConversation(conversationId, opts = {}) {
      if (profile === 'api') return unsupported('Deleting conversations');
      await req(http, { method: 'DELETE', path: `/messages/conversations/${seg(conversationId)}`, signal: opts.signal });
    },

    async reportMessage(messageId, reason, details, opts = {}) {
      if (profile === 'api') return unsupported('Reporting messages');
      await req(http, { method: 'POST', path: `/messages/${seg(messageId)}/report`, body: { reason, ...(details ? { details } : {}) }, signal: opts.signal });
    },

    listTemplates: async (opts) => (await templates()).listTemplates(ctx, opts),
    createTemplate: async (input, opts) => (await templates()).createTemplate(ctx, input, opts),
    getUnreadSummary: async (opts) => (await unread()).getUnreadSummary(ctx, opts),

    getPreferences: () => unsupported('Notification preferences'),
    updatePreferences: () => unsupported('Notification preferences'),

    listNotifications: async (params) => (await notifications()).listNotifications(ctx, params),
    markNotificationRead: async (id, opts) => (await notifications()).markNotificationRead(ctx, id, opts),
    markAllNotificationsRead: async (opts) => (await notifications()).markAllNotificationsRead(ctx, opts),
  };

  if (options.events) {
    const events = options.events;
    transport.subscribe = (listener: RealtimeListener) => {
      // The mapper loads with the subscription; events keep their order (one promise, callbacks FIFO).
      const mapper = threads();
      return events((raw) => {
        void mapper.then(({ toRealtimeEvent }) => {
          const event = toRealtimeEvent(ctx, raw);
          if (event) listener(event);
        });
      });
    };
  }

  return transport;
}
