import { http } from 'msw';
import type { HttpHandler } from 'msw';
import type { FieldError } from '../../../core/TransportError';
import type { SmFile, SmMessage } from '../../../transports/shopmonkey/wire';
import type { MockContext } from '../../context';
import { MockHttpError, readJson } from '../../errors';
import { createStaffMessage } from '../createMessage';
import type { StaffMessageInput } from '../createMessage';
import type { ShopmonkeyDb } from '../db';
import { compareBy, matchesWhere, parseListQuery } from './listQuery';
import type { FieldType } from './listQuery';
import { ok, okList } from './respond';
import { param, withAuth } from './withAuth';

/** Fields `GET /v3/message` can filter and order on. */
export const MESSAGE_FIELDS: Record<string, FieldType> = {
  id: 'string',
  customerId: 'string',
  userId: 'string',
  orderId: 'string',
  vehicleId: 'string',
  appointmentId: 'string',
  conversationId: 'string',
  authorType: 'string',
  origin: 'string',
  internal: 'boolean',
  deleted: 'boolean',
  shopRead: 'boolean',
  isOrderShare: 'boolean',
  smsStatus: 'string',
  emailStatus: 'string',
  type: 'string',
  automatedCampaignId: 'string',
  createdDate: 'date',
  updatedDate: 'date',
};

const MESSAGE_TYPES = ['Transactional', 'Marketing'];

/** Most characters of a message text (after trimming). */
export const MAX_TEXT = 5000;

/** `GET /v3/message`, `GET /v3/message/:id`, `POST /v3/message`. */
export function messageHandlers(ctx: MockContext): HttpHandler[] {
  return [
    http.get(
      '*/v3/message',
      withAuth(ctx, ({ request, db }) => {
        const q = parseListQuery(new URL(request.url), MESSAGE_FIELDS, {
          ignoreQuery: ctx.knobs.shopmonkeyIgnoreListQuery,
        });
        const customerId = q.where.customerId;
        // Storage order (oldest first) unless `orderby` says otherwise.
        const source: SmMessage[] =
          typeof customerId === 'string'
            ? (db.messagesByCustomer.get(customerId) ?? [])
            : [...db.messages.values()];
        const rows = source.filter((m) =>
          matchesWhere(m as unknown as Record<string, unknown>, q.where, MESSAGE_FIELDS),
        );
        const sorted = q.orderBy.length ? [...rows].sort(compareBy<SmMessage>(q.orderBy)) : rows;
        const data = sorted.slice(q.skip, q.skip + q.limit);
        return okList(data, { hasMore: q.skip + data.length < sorted.length, total: sorted.length });
      }),
    ),
    http.get(
      '*/v3/message/:id',
      withAuth(ctx, ({ params, db }) => {
        const message = db.messages.get(param(params, 'id'));
        if (!message) throw new MockHttpError('not_found', 'Message not found.');
        return ok(message);
      }),
    ),
    http.post(
      '*/v3/message',
      withAuth(ctx, async ({ request, user, db }) => {
        const body = await readJson(request);
        if (!body || typeof body !== 'object' || Array.isArray(body)) {
          throw new MockHttpError('validation_failed', 'Validation failed', [
            { field: 'body', message: 'The body must be a JSON object.', code: 'invalid_type' },
          ]);
        }
        // Like the live API as far as anyone knows: no idempotency. A repeated create is a second message
        // (and a second SMS); clients must look before they post again.
        const input = validateCreate(db, body as Record<string, unknown>);
        if (ctx.knobs.shopmonkeyIgnoreInternal) input.internal = false;
        return ok(createStaffMessage(ctx, user, input));
      }),
    ),
  ];
}

function validateCreate(db: ShopmonkeyDb, b: Record<string, unknown>): StaffMessageInput {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string, code = 'invalid') => errors.push({ field, message, code });
  const bool = (name: string): boolean => {
    const v = b[name];
    if (v === undefined || v === null) return false;
    if (typeof v !== 'boolean') fail(name, `${name} must be a boolean.`, 'invalid_type');
    return v === true;
  };
  const str = (name: string, max = 200): string | null => {
    const v = b[name];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') fail(name, `${name} must be a string.`, 'invalid_type');
    else if (v.length > max) fail(name, `${name} must be at most ${max} characters.`, 'too_long');
    return typeof v === 'string' ? v : null;
  };

  const files: SmFile[] = [];
  if (b.files !== undefined && b.files !== null) {
    if (!Array.isArray(b.files)) fail('files', 'files must be an array of file ids.', 'invalid_type');
    else
      b.files.forEach((id, i) => {
        const file = typeof id === 'string' ? db.files.get(id) : undefined;
        if (!file)
          fail(
            `files[${i}]`,
            `Unknown file id ${JSON.stringify(id)}. Upload it with PUT /v3/blob first.`,
            'not_found',
          );
        else files.push(file);
      });
  }
  // `text` and `customerId` are Required in the reference; `type` is Required on the current Message.
  let text = '';
  if (typeof b.text !== 'string') fail('text', 'Text is required.', 'required');
  else {
    text = (typeof b.text === 'string' ? b.text : '').trim();
    if (!text && !files.length) fail('text', 'Text cannot be empty.', 'too_short');
    if (text.length > MAX_TEXT) fail('text', `Text must be at most ${MAX_TEXT} characters.`, 'too_long');
  }
  const customerId = b.customerId;
  if (typeof customerId !== 'string' || !customerId)
    fail('customerId', 'customerId is required.', 'required');
  else if (!db.customers.has(customerId)) fail('customerId', `Unknown customer ${customerId}.`, 'not_found');

  if (!MESSAGE_TYPES.includes(b.type as string))
    fail(
      'type',
      `type is required: ${MESSAGE_TYPES.join(' or ')}.`,
      b.type === undefined ? 'required' : 'invalid',
    );
  const input: StaffMessageInput = {
    text,
    customerId: String(customerId),
    sendSms: bool('sendSms'),
    sendEmail: bool('sendEmail'),
    internal: bool('internal'),
    isOrderShare: bool('isOrderShare'),
    avoidSMSQuietHours: bool('avoidSMSQuietHours'),
    emailSubject: str('emailSubject'),
    orderShareType: str('orderShareType', 50),
    orderId: str('orderId'),
    vehicleId: str('vehicleId'),
    suggestedReplyState: str('suggestedReplyState', 50),
    type: b.type === 'Marketing' ? 'Marketing' : 'Transactional',
    automatedCampaignId: str('automatedCampaignId'),
    files,
    metadata: null,
  };
  if (input.orderId) {
    const order = db.orders.get(input.orderId);
    if (!order) fail('orderId', `Unknown order ${input.orderId}.`, 'not_found');
    else if (order.customerId !== customerId)
      fail('orderId', 'The order belongs to another customer.', 'invalid');
  }
  if (input.isOrderShare && !input.orderId) fail('orderId', 'An order share needs an orderId.', 'required');
  if (input.vehicleId && !db.vehicles.has(input.vehicleId))
    fail('vehicleId', `Unknown vehicle ${input.vehicleId}.`, 'not_found');
  if (b.metadata !== undefined && b.metadata !== null) {
    if (typeof b.metadata !== 'object' || Array.isArray(b.metadata))
      fail('metadata', 'metadata must be an object.', 'invalid_type');
    else input.metadata = b.metadata as Record<string, unknown>;
  }
  if (errors.length) throw new MockHttpError('validation_failed', 'Validation failed', errors);
  return input;
}
