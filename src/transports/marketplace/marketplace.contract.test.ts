// @vitest-environment node
import { createMockServer } from '../../mock/node';
import { MARKETPLACE_FIXTURES as F } from '../../mock/marketplace/seed';
import { runTransportContract } from '../../../test/contract/transportContract';
import type { ContractSetup } from '../../../test/contract/transportContract';
import { createMarketplaceTransport } from './createMarketplaceTransport';

const NOW = new Date('2026-01-15T12:00:00Z');
const createServer = () => createMockServer({ seed: 1, now: NOW, knobs: { autoReply: false } });

const receiveIncoming: ContractSetup['receiveIncoming'] = (server, conversationId, text) => {
  const db = server.ctx.db.marketplace;
  const c = db.conversations.get(conversationId)!;
  const last = db.messages.get(conversationId)!.at(-1)!;
  db.addMessage({
    id: db.nextId('msg'),
    conversationId,
    senderId: c.buyerId === F.buyer.id ? c.sellerId : c.buyerId,
    type: 'text',
    content: text,
    attachments: [],
    sentAt: new Date(Date.parse(last.sentAt) + 1000).toISOString(),
  });
};

const summaryRow = {
  id: 'conv_x',
  listing: { id: 'lst_x', title: 'T', thumbnail: null, price: 1, status: 'active' },
  participant: { id: 'usr_x', name: 'X', type: 'seller', verified: true },
  last_message: null,
  unread_count: 0,
  created_at: '2024-01-15T10:00:00Z',
  updated_at: '2024-01-15T10:00:00Z',
};
const listBody = (row: Record<string, unknown>) => ({
  success: true,
  data: {
    conversations: [row],
    pagination: { page: 1, limit: 20, total: 1 },
    summary: { total: 1, unread: 0 },
  },
});

runTransportContract('marketplace v1', {
  createServer,
  createTransport: (_server, overrides) =>
    createMarketplaceTransport({ baseUrl: 'http://localhost/v1', userId: F.buyer.id, ...overrides }),
  fixtures: {
    token: F.buyer.token,
    userId: F.buyer.id,
    unreadConversationId: F.unreadConversationId,
    foreignConversationId: F.foreignConversationId,
    missingConversationId: 'conv_999999',
    longConversationId: F.longConversationId,
    pageSize: 4,
    startSubjectId: F.startListingId,
    reportableMessageId: F.reportableMessageId,
  },
  receiveIncoming,
  routes: {
    listConversations: { method: 'get', path: '*/v1/messages/conversations' },
    sendMessage: { method: 'post', path: '*/v1/messages/conversations/:id' },
  },
  malformed: {
    wrongType: {
      body: listBody({ ...summaryRow, unread_count: 'two' }),
      path: 'data.conversations[0].unread_count',
    },
    missingField: {
      body: listBody({ ...summaryRow, participant: { id: 'usr_x', type: 'seller' } }),
      path: 'data.conversations[0].participant.name',
    },
  },
});

const threadRow = {
  id: '00000000-0000-4000-8000-000000000001',
  lastMessageAt: '2024-01-15T10:00:00Z',
  createdAt: '2024-01-15T10:00:00Z',
  listing: {
    id: '00000000-0000-4000-8000-000000000002',
    title: 'T',
    slug: 't',
    price: 1,
    priceCurrency: 'EUR',
    images: [],
  },
  otherParty: { id: '00000000-0000-4000-8000-000000000003', name: 'X', avatarUrl: null },
  lastMessage: null,
  unreadCount: 0,
};
const threadsBody = (row: Record<string, unknown>) => ({
  success: true,
  data: [row],
  pagination: { page: 1, limit: 20, total: 1, totalPages: 1 },
});

// The /api family shows the same rows under UUIDs; fixture ids are derived the same way.
const apiServer = createServer();
const uuid = (id: string) => apiServer.ctx.db.marketplace.uuid(id);

runTransportContract('marketplace api', {
  createServer,
  createTransport: (_server, overrides) =>
    createMarketplaceTransport({ baseUrl: 'http://localhost', profile: 'api', ...overrides }),
  fixtures: {
    token: F.buyer.token,
    userId: uuid(F.buyer.id),
    unreadConversationId: uuid(F.unreadConversationId),
    foreignConversationId: uuid(F.foreignConversationId),
    missingConversationId: '00000000-0000-4000-8000-00000000beef',
    longConversationId: uuid(F.longConversationId),
    pageSize: 4,
    startSubjectId: uuid(F.startListingId),
  },
  routes: {
    listConversations: { method: 'get', path: '*/api/messages' },
    sendMessage: { method: 'post', path: '*/api/messages' },
  },
  malformed: {
    wrongType: { body: threadsBody({ ...threadRow, unreadCount: 'two' }), path: 'data[0].unreadCount' },
    missingField: {
      body: threadsBody({ ...threadRow, otherParty: { id: 'x', avatarUrl: null } }),
      path: 'data[0].otherParty.name',
    },
    // The /api family is read tolerantly: a bad row is skipped and reported, only a bad envelope fails.
    tolerant: {
      envelope: {
        body: { success: true, data: { threads: [] } },
        path: 'GET /api/messages: data: expected array',
      },
    },
  },
});
