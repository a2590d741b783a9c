/**
 * Example: a transport for an imaginary REST backend ("Acme Chat") in a few
 * dozen lines. Copy it as a starting point for your own backend:
 *
 * - `GET  /threads`                      → `[{id, contact, unread, updatedAt}]`
 * - `GET  /threads/:id/messages?before=` → `{messages: [{id, from, body, at}], more}` (newest page first, oldest first inside)
 * - `POST /threads/:id/messages`         → `{body, clientId}` answers the stored message
 * - `POST /threads/:id/read`             → `{unread}` (the user's total)
 *
 * Everything the backend lacks rejects with `TransportError('unsupported')`
 * and is `false` in `capabilities`, so components hide it.
 */
import { TransportError } from '../src/core/TransportError';
import type { Conversation, Message } from '../src/core/types';
import { createHttpClient } from '../src/transports/http';
import type { HttpTransportOptions, MessagingTransport } from '../src/transports/types';

interface AcmeThread {
  id: string;
  contact: string;
  unread: number;
  updatedAt: string;
}
interface AcmeMessage {
  id: string;
  from: string;
  body: string;
  at: string;
}

/** Options: the shared HTTP options plus who is signed in. */
export interface AcmeTransportOptions extends HttpTransportOptions {
  userId: string;
}

/** Creates the example transport. */
export function createAcmeTransport(options: AcmeTransportOptions): MessagingTransport {
  const http = createHttpClient(options);
  const no = () => Promise.reject(new TransportError('unsupported'));
  const toConversation = (t: AcmeThread): Conversation => ({
    id: t.id,
    counterpart: { id: t.contact, name: t.contact, role: 'customer' },
    unreadCount: t.unread,
    archived: false,
    createdAt: t.updatedAt,
    updatedAt: t.updatedAt,
  });
  const toMessage = (threadId: string, m: AcmeMessage): Message => ({
    id: m.id,
    conversationId: threadId,
    senderId: m.from,
    text: m.body,
    sentAt: m.at,
    attachments: [],
    kind: 'text',
    direction: m.from === options.userId ? 'outgoing' : 'incoming',
  });
  const threads = async (signal?: AbortSignal) =>
    (await http.request({ method: 'GET', path: '/threads', signal })) as AcmeThread[];
  const path = (id: string, rest: string) => `/threads/${encodeURIComponent(id)}${rest}`;

  return {
    id: 'acme',
    capabilities: {
      templates: false,
      createTemplates: false,
      quickReplies: false,
      archive: false,
      unarchive: false,
      delete: false,
      report: false,
      perMessageRead: false,
      idempotentSends: true,
      internalNotes: false,
      deliveryChannels: [],
      notifications: false,
      preferences: false,
      preferenceCategories: [],
      preferenceChannels: [],
      startConversation: false,
      filters: ['all'],
      roleFilter: false,
      search: false,
      realtime: false,
      suggestedReplies: false,
      orderShare: false,
      quietHours: false,
      maxTextLength: 2000,
    },
    async listConversations(params = {}) {
      return { items: (await threads(params.signal)).map(toConversation), hasMore: false };
    },
    async getConversation(id, o = {}) {
      const t = (await threads(o.signal)).find((x) => x.id === id);
      if (!t) throw new TransportError('not_found');
      return toConversation(t);
    },
    async listMessages({ conversationId, cursor, signal }) {
      const res = (await http.request({
        method: 'GET',
        path: path(conversationId, '/messages'),
        query: { before: cursor },
        signal,
      })) as { messages: AcmeMessage[]; more: boolean };
      const items = res.messages.map((m) => toMessage(conversationId, m));
      return { items, hasMore: res.more, ...(res.more && items[0] ? { next: items[0].id } : {}) };
    },
    async sendMessage({ conversationId, clientId, text, signal }) {
      // The client id makes a retried POST harmless, so let the HTTP client retry it.
      const m = (await http.request({
        method: 'POST',
        path: path(conversationId, '/messages'),
        body: { body: text ?? '', clientId },
        idempotent: true,
        signal,
      })) as AcmeMessage;
      return { ...toMessage(conversationId, m), clientId, status: 'sent' };
    },
    async markRead(conversationId, _ids, o = {}) {
      await http.request({ method: 'POST', path: path(conversationId, '/read'), signal: o.signal });
      return this.getUnreadSummary(o);
    },
    async getUnreadSummary(o = {}) {
      const all = await threads(o.signal);
      return {
        messages: all.reduce((n, t) => n + t.unread, 0),
        conversations: all.filter((t) => t.unread > 0).length,
      };
    },
    startConversation: no,
    archive: no,
    unarchive: no,
    deleteConversation: no,
    reportMessage: no,
    listTemplates: no,
    createTemplate: no,
    getPreferences: no,
    updatePreferences: no,
    listNotifications: no,
    markNotificationRead: no,
    markAllNotificationsRead: no,
  };
}
