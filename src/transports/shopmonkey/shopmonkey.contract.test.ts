// @vitest-environment node
import { createMockServer } from '../../mock/node';
import { createCustomerMessage } from '../../mock/shopmonkey/createMessage';
import { runTransportContract } from '../../../test/contract/transportContract';
import { createShopmonkeyTransport } from './createShopmonkeyTransport';
import { fromConversationId } from './conversationId';

// Seed threads (sm_mtm_N in seed order): 1 Jamie (2 unread), 2 Priya (3 messages, read), … 8 Tom ↔ Ahmed.
// The suite runs twice: against the reference server answering list queries as the live API is documented
// to, and against the worst case partners saw live, a server that ignores `where` and `orderby` entirely.
for (const ignoreListQuery of [false, true])
  runTransportContract(ignoreListQuery ? 'shopmonkey (server ignores filters and order)' : 'shopmonkey', {
    createServer: () =>
      createMockServer({
        seed: 1,
        knobs: { autoReply: false, deliveryDelayMs: 5, shopmonkeyIgnoreListQuery: ignoreListQuery },
      }),
    createTransport: (_server, overrides) =>
      createShopmonkeyTransport({
        baseUrl: 'http://localhost/v3',
        userId: 'sm_user_1',
        retryDelayMs: 1,
        reconcileDelayMs: 5,
        ...overrides,
      }),
    fixtures: {
      token: 'sm_staff_1',
      userId: 'sm_user_1',
      unreadConversationId: 'sm_mtm_1~sm_cust_1',
      foreignConversationId: 'sm_mtm_8~sm_cust_7',
      missingConversationId: 'sm_mtm_999~sm_cust_1',
      // Priya's thread has only Maria and the customer (no colleague or System authors).
      longConversationId: 'sm_mtm_2~sm_cust_2',
      pageSize: 2,
    },
    receiveIncoming: (server, conversationId, text) => {
      createCustomerMessage(server.ctx, fromConversationId(conversationId).customerId, {
        text,
        origin: 'SMS',
      });
    },
    routes: {
      listConversations: { method: 'get', path: '*/v3/user/:id/inbox' },
      sendMessage: { method: 'post', path: '*/v3/message' },
    },
    malformed: {
      wrongType: {
        body: { success: true, data: [inboxRow({ authorType: 5 })], meta: { hasMore: false, total: 1 } },
        path: 'data[0].authorType',
      },
      missingField: {
        body: {
          success: true,
          data: [inboxRow({ messageThreadMetadata: undefined })],
          meta: { hasMore: false, total: 1 },
        },
        path: 'data[0].messageThreadMetadata',
      },
      // Rows are read tolerantly: only a body that is not the list envelope fails the request.
      tolerant: { envelope: { body: { success: true, data: { rows: [] } }, path: 'data: expected array' } },
    },
  });

function inboxRow(patch: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {
    id: 'm1',
    createdDate: '2026-01-01T10:00:00.000Z',
    updatedDate: null,
    locationId: 'l',
    companyId: 'c',
    text: 'hi',
    sendEmail: null,
    emailSubject: null,
    emailStatus: null,
    emailError: null,
    sendSms: null,
    smsStatus: null,
    smsError: null,
    authorType: 'Customer',
    origin: 'SMS',
    isOrderShare: false,
    orderShareType: null,
    customerId: 'cu1',
    userId: null,
    orderId: null,
    appointmentId: null,
    vehicleId: null,
    vendorId: null,
    shopRead: false,
    internal: null,
    detached: false,
    conversationId: null,
    deleted: false,
    deletedUserId: null,
    deletedDate: null,
    deletedReason: null,
    locationReviewRequestId: null,
    suggestedReply: null,
    suggestedReplyState: null,
    requestAppointmentConfirmation: false,
    appointmentEvent: null,
    avoidSMSQuietHours: false,
    files: [],
    customer: { id: 'cu1', customerType: 'Customer', firstName: 'A', lastName: 'B', companyName: null },
    messageThreadMetadata: {
      id: 't1',
      createdDate: '2026-01-01T10:00:00.000Z',
      updatedDate: null,
      locationId: 'l',
      companyId: 'c',
      unreadMessagesCount: 1,
      important: false,
      archived: false,
      userId: 'sm_user_1',
      customerId: 'cu1',
    },
    order: null,
    ...patch,
  };
  for (const k of Object.keys(row)) if (row[k] === undefined) delete row[k];
  return row;
}
