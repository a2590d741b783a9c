import { createDiagnostics } from '../diagnostics';
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
   * Uploads one file and resolves with its Shopmonkey file id: the host's escape hatch when its uploads
   * go another way. Messages carry ordered file ids, so files go up first.
   * @defaultValue the documented blob upload: `PUT {baseUrl}/blob`, then its parts
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
  /**
   * Offer internal notes. Whether the live API keeps a note created with `internal: true` away from the
   * customer is not documented; each note's answer is checked, and a shop whose server does not honour
   * notes switches them off here (the composer then hides note mode). @defaultValue true
   */
  notes?: boolean;
  /**
   * Read and write per-category notification config (`type` on config entries). The documented entry
   * has only the three switches, so this is off unless the server is known to accept it.
   * @defaultValue false
   */
  notificationCategories?: boolean;
  /**
   * How long to wait, after a send whose answer was lost, before reading the thread to see whether the
   * server stored it. @defaultValue 750
   */
  reconcileDelayMs?: number;
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
 * - Messages come from `GET /message` filtered by customer, newest page first.
 *   No list answer is trusted: rows of another customer or conversation are
 *   dropped and reported, threads are ordered client-side, pages are
 *   de-duplicated, and a list seen ignoring its filter or order is read whole.
 * - Sends are never repeated blind: nothing documents idempotency for
 *   `POST /v3/message`, so a send whose answer was lost is looked for in the
 *   thread before it is posted again (`capabilities.idempotentSends: false`).
 *   Notes are checked to have stayed internal. Files go up first through
 *   `PUT /v3/blob`. Realtime row changes map to `message.received` (inserts and
 *   updates, e.g. delivery progress: upsert by id), `message.read` (the thread
 *   was read elsewhere) and `conversation.created`.
 *
 * The factory holds only options, capabilities and the verb stubs; the HTTP
 * client and the verbs with their schemas and mappers load on the first call
 * (`import('./verbs')`).
 */
export function createShopmonkeyTransport(options: ShopmonkeyTransportOptions): MessagingTransport {
  const diagnostics = createDiagnostics(options.onDiagnostic);
  let loaded: Promise<ReturnType<typeof import('./verbs').createShopmonkeyVerbs>> | undefined;
  const verbs = () =>
    (loaded ??= import('./verbs').then((m) => m.createShopmonkeyVerbs(options, diagnostics)));

  const transport: MessagingTransport = {
    id: 'shopmonkey',
    capabilities: shopmonkeyCapabilities({
      realtime: !!options.events,
      notes: options.notes !== false,
      notificationCategories: options.notificationCategories === true,
    }),
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
    listTemplates: async (callOptions) => (await verbs()).listTemplates(callOptions),
    createTemplate: async (input, callOptions) => (await verbs()).createTemplate(input, callOptions),
    getUnreadSummary: async (callOptions) => (await verbs()).getUnreadSummary(callOptions),
    getPreferences: async (callOptions) => (await verbs()).getPreferences(callOptions),
    updatePreferences: async (preferences, callOptions) =>
      (await verbs()).updatePreferences(preferences, callOptions),
    listNotifications: () => unsupported('in-app notifications'),
    markNotificationRead: () => unsupported('in-app notifications'),
    markAllNotificationsRead: () => unsupported('in-app notifications'),
    subscribeDiagnostics: (listener) => diagnostics.subscribe(listener),
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
