import * as v from 'valibot';
import { TransportError } from '../../core/TransportError';
import { describeValue } from '../diagnostics';
import type { DiagnosticsReporter } from '../diagnostics';

/**
 * Tolerant decoding of Shopmonkey answers. A live server sends fields our schemas did not expect, so a
 * record is split into *core* fields (without them the record means nothing: it is dropped and reported
 * as `dropped_item`) and *lenient* fields (a malformed one is removed and reported as `decode`; the
 * mapper then treats it as absent). Only an answer that is not the `{success, data}` envelope at all
 * fails the whole request with `invalid_response`. The webhook decoder reuses {@link decodeMessage}.
 */

/** Where a decode happens: the reporter and the endpoint it is reported under. */
export interface DecodeScope {
  diagnostics: DiagnosticsReporter;
  /** Method and path template, e.g. `GET /v3/message`. */
  endpoint: string;
}

type Entries = Record<string, v.GenericSchema>;

const str = v.string();
const nstr = v.nullish(v.string());
const nbool = v.nullish(v.boolean());

function expects(schema: v.GenericSchema): string {
  return (schema as { expects?: string }).expects ?? 'value';
}

/**
 * Decodes one record: `undefined` (reported) when it is not an object or a core field is wrong; lenient
 * fields that are wrong are deleted from the copy and reported. Unknown fields are kept.
 */
export function decodeRecord(
  raw: unknown,
  core: Entries,
  lenient: Entries,
  path: string,
  scope: DecodeScope,
): Record<string, unknown> | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    scope.diagnostics.report({
      kind: 'dropped_item',
      endpoint: scope.endpoint,
      path,
      expected: 'object',
      received: describeValue(raw),
    });
    return undefined;
  }
  const out: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  for (const [key, schema] of Object.entries(core)) {
    const r = v.safeParse(schema, out[key]);
    if (!r.success) {
      scope.diagnostics.report({
        kind: 'dropped_item',
        endpoint: scope.endpoint,
        path: `${path}.${key}`,
        expected: expects(schema),
        received: describeValue(out[key]),
      });
      return undefined;
    }
    out[key] = r.output;
  }
  for (const [key, schema] of Object.entries(lenient)) {
    if (out[key] === undefined) continue;
    const r = v.safeParse(schema, out[key]);
    if (r.success) out[key] = r.output;
    else {
      scope.diagnostics.report({
        kind: 'decode',
        endpoint: scope.endpoint,
        path: `${path}.${key}`,
        expected: expects(schema),
        received: describeValue(out[key]),
      });
      delete out[key];
    }
  }
  return out;
}

/** A `files[]` item (also the upload answer). */
export interface DecodedFile {
  id: string;
  url: string;
  thumbnailUrl?: string | null;
  fileSize?: number | null;
  fileType?: string | null;
  fileName?: string | null;
}

const FILE_CORE: Entries = { id: str, url: str };
const FILE_LENIENT: Entries = {
  thumbnailUrl: nstr,
  fileSize: v.nullish(v.number()),
  fileType: nstr,
  fileName: nstr,
};

/** Decodes one file; `undefined` (reported) when it has no id or url. */
export function decodeFile(raw: unknown, path: string, scope: DecodeScope): DecodedFile | undefined {
  return decodeRecord(raw, FILE_CORE, FILE_LENIENT, path, scope) as DecodedFile | undefined;
}

/** A decoded Message: core fields are guaranteed, the rest may be absent. */
export interface DecodedMessage {
  id: string;
  createdDate: string;
  authorType: 'Customer' | 'User' | 'System';
  text: string;
  metadata?: Record<string, unknown> | null;
  updatedDate?: string | null;
  sendEmail?: boolean | null;
  emailSubject?: string | null;
  emailStatus?: string | null;
  emailError?: string | null;
  sendSms?: boolean | null;
  smsStatus?: string | null;
  smsError?: string | null;
  origin?: string | null;
  isOrderShare?: boolean | null;
  orderShareType?: string | null;
  customerId?: string | null;
  userId?: string | null;
  orderId?: string | null;
  appointmentId?: string | null;
  vehicleId?: string | null;
  shopRead?: boolean | null;
  internal?: boolean | null;
  conversationId?: string | null;
  deleted?: boolean | null;
  deletedUserId?: string | null;
  deletedDate?: string | null;
  deletedReason?: string | null;
  suggestedReply?: string | null;
  suggestedReplyState?: string | null;
  requestAppointmentConfirmation?: boolean | null;
  appointmentEvent?: string | null;
  avoidSMSQuietHours?: boolean | null;
  type?: string | null;
  automatedCampaignId?: string | null;
  /** Always an array out of {@link decodeMessage}; optional for rows validated elsewhere (webhooks). */
  files?: DecodedFile[] | null;
  orderNumber?: string | number | null;
  userColor?: string | null;
}

const MESSAGE_CORE: Entries = {
  id: str,
  createdDate: v.pipe(
    str,
    v.check((s) => !Number.isNaN(Date.parse(s)), 'a date'),
  ),
  authorType: v.picklist(['Customer', 'User', 'System']),
};

/** Lenient Message fields; exported for the webhook decoder's row shapes. */
export const MESSAGE_LENIENT: Entries = {
  text: nstr,
  metadata: v.nullish(v.record(v.string(), v.unknown())),
  updatedDate: nstr,
  sendEmail: nbool,
  emailSubject: nstr,
  emailStatus: nstr,
  emailError: nstr,
  sendSms: nbool,
  smsStatus: nstr,
  smsError: nstr,
  origin: nstr,
  isOrderShare: nbool,
  orderShareType: nstr,
  customerId: nstr,
  userId: nstr,
  orderId: nstr,
  appointmentId: nstr,
  vehicleId: nstr,
  shopRead: nbool,
  internal: nbool,
  conversationId: nstr,
  deleted: nbool,
  deletedUserId: nstr,
  deletedDate: nstr,
  deletedReason: nstr,
  suggestedReply: nstr,
  suggestedReplyState: nstr,
  requestAppointmentConfirmation: nbool,
  appointmentEvent: nstr,
  avoidSMSQuietHours: nbool,
  type: nstr,
  automatedCampaignId: nstr,
  files: v.nullish(v.array(v.unknown())),
  orderNumber: v.nullish(v.union([v.string(), v.number()])),
  userColor: nstr,
};

/**
 * Decodes one Message row. Without `id`, a parseable `createdDate` or a known `authorType` the row is
 * dropped (reported); any other malformed field is dropped alone; a malformed file drops only that file.
 */
export function decodeMessage(raw: unknown, path: string, scope: DecodeScope): DecodedMessage | undefined {
  const out = decodeRecord(raw, MESSAGE_CORE, MESSAGE_LENIENT, path, scope);
  if (!out) return undefined;
  const files = (out.files as unknown[] | null | undefined) ?? [];
  out.files = files
    .map((f, i) => decodeFile(f, `${path}.files[${i}]`, scope))
    .filter((f): f is DecodedFile => !!f);
  out.text = typeof out.text === 'string' ? out.text : '';
  return out as unknown as DecodedMessage;
}

/** A decoded MessageThreadMetadata row. */
export interface DecodedThread {
  id: string;
  userId: string;
  customerId: string;
  createdDate?: string | null;
  updatedDate?: string | null;
  unreadTimestamp?: string | null;
  unreadMessagesCount?: number | null;
  important?: boolean | null;
  archived?: boolean | null;
}

const THREAD_CORE: Entries = { id: str, userId: str, customerId: str };
const THREAD_LENIENT: Entries = {
  createdDate: nstr,
  updatedDate: nstr,
  unreadTimestamp: nstr,
  unreadMessagesCount: v.nullish(v.number()),
  important: nbool,
  archived: nbool,
};

/** Decodes one thread metadata row; `undefined` (reported) without `id`, `userId` or `customerId`. */
export function decodeThread(raw: unknown, path: string, scope: DecodeScope): DecodedThread | undefined {
  return decodeRecord(raw, THREAD_CORE, THREAD_LENIENT, path, scope) as DecodedThread | undefined;
}

/** The inbox's customer as documented (`id`, `customerType`, names, `companyName`). */
export interface DecodedCustomer {
  id: string;
  customerType?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  companyName?: string | null;
}

/** One decoded inbox row: the thread's newest message plus its customer, thread and order. */
export interface DecodedInboxItem extends DecodedMessage {
  customer: DecodedCustomer;
  messageThreadMetadata: DecodedThread;
  order?: { id: string; number: string | number } | null;
}

const CUSTOMER_LENIENT: Entries = { customerType: nstr, firstName: nstr, lastName: nstr, companyName: nstr };

/** Decodes one inbox row; the row is dropped (reported) when its message, customer or thread is unusable. */
export function decodeInboxItem(
  raw: unknown,
  path: string,
  scope: DecodeScope,
): DecodedInboxItem | undefined {
  const message = decodeMessage(raw, path, scope);
  if (!message) return undefined;
  const r = raw as Record<string, unknown>;
  const customer = decodeRecord(r.customer, { id: str }, CUSTOMER_LENIENT, `${path}.customer`, scope);
  if (!customer) return undefined;
  const thread = decodeThread(r.messageThreadMetadata, `${path}.messageThreadMetadata`, scope);
  if (!thread) return undefined;
  let order: DecodedInboxItem['order'] = null;
  if (r.order !== null && r.order !== undefined) {
    order = decodeRecord(
      r.order,
      { id: str, number: v.union([v.string(), v.number()]) },
      {},
      `${path}.order`,
      // An unreadable order only loses the subject line, not the row.
      {
        ...scope,
        diagnostics: {
          ...scope.diagnostics,
          report: (d) => scope.diagnostics.report({ ...d, kind: 'decode' }),
        },
      },
    ) as DecodedInboxItem['order'];
  }
  return {
    ...message,
    customer: customer as unknown as DecodedCustomer,
    messageThreadMetadata: thread,
    order: order ?? null,
  };
}

/** A decoded template (`/v3/message_template`). */
export interface DecodedTemplate {
  id: string;
  name: string;
  text: string;
  deleted?: boolean | null;
}

/** Decodes one message template; `undefined` (reported) without `id`, `name` or text. */
export function decodeTemplate(raw: unknown, path: string, scope: DecodeScope): DecodedTemplate | undefined {
  const out = decodeRecord(
    raw,
    { id: str, name: str },
    { text: nstr, message: nstr, deleted: nbool },
    path,
    scope,
  );
  if (!out) return undefined;
  const text =
    typeof out.text === 'string' ? out.text : typeof out.message === 'string' ? out.message : undefined;
  if (text === undefined) {
    scope.diagnostics.report({
      kind: 'dropped_item',
      endpoint: scope.endpoint,
      path: `${path}.text`,
      expected: 'string',
      received: describeValue(out.text),
    });
    return undefined;
  }
  return { id: out.id as string, name: out.name as string, text, deleted: out.deleted as boolean | null };
}

/** A decoded notification config entry (documented fields only). */
export interface DecodedConfigEntry {
  sendEmail: boolean;
  sendInApp: boolean;
  sendSms: boolean;
  /** The reference server's extension; absent on the documented API. */
  type?: string | null;
}

/** Decodes one notification config entry: the three switches are core, `type` is an extension. */
export function decodeConfigEntry(
  raw: unknown,
  path: string,
  scope: DecodeScope,
): DecodedConfigEntry | undefined {
  return decodeRecord(
    raw,
    { sendEmail: v.boolean(), sendInApp: v.boolean(), sendSms: v.boolean() },
    { type: nstr },
    path,
    scope,
  ) as DecodedConfigEntry | undefined;
}

/** List metadata, as far as it could be read. */
export interface DecodedMeta {
  hasMore?: boolean;
  total?: number;
}

/**
 * Checks the `{success, data: [...]}` envelope of a list and decodes each item; unreadable items are
 * skipped and reported. A body that is not that envelope rejects with `invalid_response`.
 */
export function decodeList<T>(
  raw: unknown,
  item: (raw: unknown, path: string, scope: DecodeScope) => T | undefined,
  scope: DecodeScope,
): { data: T[]; meta: DecodedMeta } {
  const body = envelopeOf(raw, scope);
  if (!Array.isArray(body.data)) throw badEnvelope(scope, 'data', 'array', body.data);
  const data: T[] = [];
  body.data.forEach((r, i) => {
    const decoded = item(r, `data[${i}]`, scope);
    if (decoded !== undefined) data.push(decoded);
  });
  const meta: DecodedMeta = {};
  const m = body.meta;
  if (m && typeof m === 'object') {
    const mm = m as Record<string, unknown>;
    if (typeof mm.hasMore === 'boolean') meta.hasMore = mm.hasMore;
    if (typeof mm.total === 'number') meta.total = mm.total;
  }
  return { data, meta };
}

/** Checks the `{success, data}` envelope around one record and decodes it; unreadable → `invalid_response`. */
export function decodeOne<T>(
  raw: unknown,
  item: (raw: unknown, path: string, scope: DecodeScope) => T | undefined,
  scope: DecodeScope,
): T {
  const body = envelopeOf(raw, scope);
  // Reported diagnostics name the field; the error names it too, since the caller gets nothing usable.
  let first: { path: string; expected?: string; received?: string } | undefined;
  const decoded = item(body.data, 'data', {
    ...scope,
    diagnostics: {
      ...scope.diagnostics,
      report: (d) => {
        if (d.kind === 'dropped_item') first ??= d;
        scope.diagnostics.report(d);
      },
    },
  });
  if (decoded === undefined) {
    const path = first?.path ?? 'data';
    throw new TransportError(
      'invalid_response',
      `The server sent an answer that could not be read (${scope.endpoint}: ${path}: expected ${first?.expected ?? 'object'}, received ${first?.received ?? describeValue(body.data)}).`,
      { fieldErrors: [{ field: path, message: `expected ${first?.expected ?? 'object'}` }] },
    );
  }
  return decoded;
}

function envelopeOf(raw: unknown, scope: DecodeScope): Record<string, unknown> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw badEnvelope(scope, '(root)', 'object', raw);
  return raw as Record<string, unknown>;
}

function badEnvelope(scope: DecodeScope, path: string, expected: string, received: unknown): TransportError {
  return new TransportError(
    'invalid_response',
    `The server sent an answer that could not be read (${scope.endpoint}: ${path}: expected ${expected}, received ${describeValue(received)}).`,
    { fieldErrors: [{ field: path, message: `expected ${expected}` }] },
  );
}
