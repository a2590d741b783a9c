import type { HttpTransportOptions, MessagingTransport, OutgoingFile, RealtimeListener } from '../types';
import { domainEvent } from '../domainEvents';
import { shopmonkeyCapabilities } from './capabilities';

/** Options of {@link createShopmonkeyTransport}. */
export interface ShopmonkeyTransportOptions extends HttpTransportOptions {
  /** Base URL ending in `/v3`, e.g. `https://api.shopmonkey.cloud/v3` or `http://localhost/v3`. */
  baseUrl: string;
  /** The staff user the API key belongs to: whose inbox, threads and notification config. */
  userId: string;
  /**
   * Uploads one file and resolves with its Shopmonkey file id. Messages carry
   * ordered file ids, so files go up first.
   * @defaultValue multipart `POST {baseUrl}/file` (the reference server's route)
   */
  uploadFile?: (file: OutgoingFile['file'], options: { signal?: AbortSignal }) => Promise<string>;
  /**
   * The shop's SMS quiet hours `[start, end)` in local hours; a pending SMS
   * with `avoidSMSQuietHours` written inside them is shown as `scheduled`.
   * @defaultValue `[21, 8]`
   */
  quietHours?: [number, number];
  /** Page size when a call gives no `limit` (the API caps at 100). @defaultValue 30 */
  pageSize?: number;
}

// Like the verbs, the error class loads with the first call that needs it.
const unsupported = async (what: string): Promise<never> => {
  const { TransportError } = await import('../../core/TransportError');
  throw new TransportError('unsupported', `Shopmonkey does not support ${what}.`);
};

/**
 * A {@link MessagingTransport} for the Shopmonkey v3 message API.
 *
 * - Conversations are the user's threads from `GET /user/:id/inbox`, with ids
 *   `<threadMetadataId>~<customerId>` (see `toConversationId`).
 * - Messages come from `GET /message` filtered by customer, newest page first;
 *   the cursor is `<skip>@<newest createdDate of the first page>` so messages
 *   arriving while paging back do not shift the pages.
 * - Sends carry `metadata.clientId` and are retried safely; files are uploaded
 *   first. Realtime row changes map to `message.received` (inserts and
 *   updates, e.g. delivery progress: upsert by id), `message.read` (the thread
 *   was read elsewhere) and `conversation.created`.
 *
 * The factory holds only options, capabilities and the verb stubs; the HTTP
 * client and the verbs with their schemas and mappers load on the first call
 * (`import('./verbs')`).
 */
export function createShopmonkeyTransport(options: ShopmonkeyTransportOptions): MessagingTransport {
  let loaded: Promise<ReturnType<typeof import('./verbs').createShopmonkeyVerbs>> | undefined;
  const verbs = () => (loaded ??= import('./verbs').then((m) => m.createShopmonkeyVerbs(options)));

  const transport: MessagingTransport = {
    id: 'shopmonkey',
    capabilities: shopmonkeyCapabilities(!!options.events),
    listConversations: async (params) => (await verbs()).listConversations(params),
    getConversation: async (id, callOptions) => (await verbs()).getConversation(id, callOptions),
    startConversation: () =>
      unsupported('starting conversations (threads start when a customer is messaged from Shopmonkey)'),
    listMessages: async (params) => (await verbs()).listMessages(params),
    sendMessage: async (input) => (await verbs()).sendMessage(input),
    markRead: async (conversationId, messageIds, callOptions) =>
      (await verbs()).markRead(conversationId, messageIds, callOptions),
    archive: () => unsupported('archiving conversations'),
    unarchive: () => unsupported('unarchiving conversations'),
    deleteConversation: () => unsupported('deleting conversations'),
    reportMessage: () => unsupported('reporting messages'),
    listTemplates: () => unsupported('message templates'),
    createTemplate: () => unsupported('message templates'),
    getUnreadSummary: async (callOptions) => (await verbs()).getUnreadSummary(callOptions),
    getPreferences: async (callOptions) => (await verbs()).getPreferences(callOptions),
    updatePreferences: async (preferences, callOptions) =>
      (await verbs()).updatePreferences(preferences, callOptions),
    listNotifications: () => unsupported('in-app notifications'),
    markNotificationRead: () => unsupported('in-app notifications'),
    markAllNotificationsRead: () => unsupported('in-app notifications'),
  };

  const events = options.events;
  if (events) {
    transport.subscribe = (listener: RealtimeListener) => {
      // Keep events in arrival order even when one needs a lookup (or the verbs are still loading).
      let queue = Promise.resolve();
      return events((raw) => {
        // Domain events (from a relay) need no mapping, but keep their place in the queue.
        const domain = domainEvent(raw);
        if (domain) queue = queue.then(() => listener(domain)).catch(() => undefined);
        else
          queue = queue.then(async () => (await verbs()).onRowChange(raw, listener)).catch(() => undefined);
      });
    };
  }
  return transport;
}
