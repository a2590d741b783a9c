import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { FieldError } from '../../../core/TransportError';
import { renderTemplate } from '../../../core/templates';
import type { MockContext } from '../../context';
import { MockHttpError, readJsonObject } from '../../errors';
import { DOCUMENT_THUMBNAIL } from '../assets';
import type { MarketplaceDb, MkAttachment, MkUser } from '../db';
import { assertValid, findIdempotent, markRead, storeMessage, textErrors, unreadTotals } from '../operations';
import type { NewMessage } from '../operations';
import { messageV1 } from '../views';
import { loadConversation } from './access';
import { param, withAuth } from './withAuth';

/** Attachment rules (README decisions). */
export const ATTACHMENT_RULES = {
  maxCount: 5,
  maxBytes: 10 * 1024 * 1024,
  image: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
  document: [
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'text/plain',
  ],
} as const;

async function multipartMessage(request: Request, db: MarketplaceDb): Promise<NewMessage> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new MockHttpError('validation_failed', 'Validation failed', [
      { field: 'body', message: 'Malformed multipart body.', code: 'invalid_body' },
    ]);
  }
  const content = form.get('content');
  const rawType = form.get('type') ?? 'document';
  const type = rawType === 'image' ? 'image' : 'document';
  const files = form.getAll('attachment').filter((f): f is File => typeof f !== 'string');
  const errors: FieldError[] = textErrors(
    typeof content === 'string' ? content : undefined,
    'content',
    false,
  );
  if (rawType !== 'image' && rawType !== 'document')
    errors.push({
      field: 'type',
      message: 'type must be image or document for attachments.',
      code: 'invalid_enum',
    });
  if (files.length === 0)
    errors.push({ field: 'attachment', message: 'Attach at least one file.', code: 'required' });
  if (files.length > ATTACHMENT_RULES.maxCount)
    errors.push({
      field: 'attachment',
      message: `At most ${ATTACHMENT_RULES.maxCount} attachments per message.`,
      code: 'too_many',
    });
  assertValid(errors);
  for (const f of files) {
    if (f.size > ATTACHMENT_RULES.maxBytes)
      throw new MockHttpError('payload_too_large', `${f.name} is larger than 10 MB.`);
  }
  const allowed: readonly string[] =
    type === 'image' ? ATTACHMENT_RULES.image : [...ATTACHMENT_RULES.image, ...ATTACHMENT_RULES.document];
  for (const f of files) {
    if (!allowed.includes(f.type))
      throw new MockHttpError(
        'unsupported_media_type',
        `${f.name}: ${f.type || 'unknown type'} is not allowed for ${type} messages.`,
      );
  }
  const origin = new URL(request.url).origin;
  const attachments: MkAttachment[] = files.map((f) => {
    const id = db.nextId('att');
    db.files.set(id, f);
    const url = `${origin}/mock-assets/${id}/${encodeURIComponent(f.name)}`;
    return {
      id,
      name: f.name,
      url,
      thumbnailUrl: f.type.startsWith('image/') ? url : DOCUMENT_THUMBNAIL,
      size: f.size,
      mimeType: f.type,
    };
  });
  return {
    type: type === 'image' ? 'image' : 'document',
    content: typeof content === 'string' ? content.trim() : '',
    attachments,
  };
}

function jsonMessage(body: Record<string, unknown>, db: MarketplaceDb, user: MkUser): NewMessage {
  if (body.template_id !== undefined) {
    const tpl = db.templates.find(
      (t) => t.id === body.template_id && (t.ownerId === null || t.ownerId === user.id),
    );
    if (!tpl)
      throw new MockHttpError('validation_failed', 'Validation failed', [
        {
          field: 'template_id',
          message: `Unknown template ${JSON.stringify(body.template_id)}.`,
          code: 'invalid_reference',
        },
      ]);
    const raw = body.variables ?? {};
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new MockHttpError('validation_failed', 'Validation failed', [
        { field: 'variables', message: 'variables must be an object.', code: 'invalid_type' },
      ]);
    }
    const variables: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw))
      if (typeof v === 'string' || typeof v === 'number') variables[k] = String(v);
    const { text, missing } = renderTemplate(tpl.content, variables);
    if (missing.length) {
      throw new MockHttpError(
        'validation_failed',
        `Missing template variables: ${missing.join(', ')}.`,
        missing.map((name) => ({
          field: `variables.${name}`,
          message: `Missing template variable: ${name}.`,
          code: 'missing_variable',
        })),
      );
    }
    assertValid(textErrors(text, 'content', true));
    return { type: 'quick_reply', content: text, templateId: tpl.id };
  }
  const type = body.type ?? 'text';
  const errors = textErrors(body.content, 'content', true);
  if (type !== 'text' && type !== 'quick_reply')
    errors.push({
      field: 'type',
      message: 'JSON messages are text or quick_reply; send image/document as multipart.',
      code: 'invalid_enum',
    });
  assertValid(errors);
  return { type: type as 'text' | 'quick_reply', content: (body.content as string).trim() };
}

/** Send, mark read, archive and unarchive within a conversation. */
export function messageHandlers(ctx: MockContext): HttpHandler[] {
  return [
    http.post(
      '*/v1/messages/conversations/:id',
      withAuth(ctx, async ({ request, params, user, db }) => {
        const c = loadConversation(db, param(params, 'id'), user);
        const key = request.headers.get('idempotency-key');
        const isMultipart = (request.headers.get('content-type') ?? '')
          .toLowerCase()
          .startsWith('multipart/form-data');
        const input = isMultipart
          ? await multipartMessage(request, db)
          : jsonMessage(await readJsonObject(request), db, user);
        const repeated = findIdempotent(db, user, key);
        if (repeated) {
          // The IETF Idempotency-Key draft: the same key with another payload is a client error, never the first answer.
          if (
            repeated.conversationId !== c.id ||
            repeated.content !== input.content ||
            repeated.attachments.length !== (input.attachments?.length ?? 0)
          )
            return HttpResponse.json(
              {
                success: false,
                code: 'idempotency_key_reused',
                message: 'This Idempotency-Key was used for a different message.',
              },
              { status: 422 },
            );
          return HttpResponse.json({ success: true, data: { message: messageV1(db, repeated, user.id) } });
        }
        const { message } = storeMessage(ctx, db, c, user, { ...input, idempotencyKey: key });
        if (ctx.knobs.storeThenFail)
          throw new MockHttpError('internal', 'Simulated failure after the message was stored.');
        return HttpResponse.json(
          { success: true, data: { message: messageV1(db, message, user.id) } },
          { status: 201 },
        );
      }),
    ),

    http.put(
      '*/v1/messages/conversations/:id/read',
      withAuth(ctx, async ({ request, params, user, db }) => {
        const c = loadConversation(db, param(params, 'id'), user);
        const body = await readJsonObject(request);
        let ids: string[] | undefined;
        if (body.message_ids !== undefined) {
          if (!Array.isArray(body.message_ids) || !body.message_ids.every((x) => typeof x === 'string')) {
            throw new MockHttpError('validation_failed', 'Validation failed', [
              {
                field: 'message_ids',
                message: 'message_ids must be an array of message ids.',
                code: 'invalid_type',
              },
            ]);
          }
          ids = body.message_ids;
        }
        const changed = markRead(ctx, db, c, user, ids);
        return HttpResponse.json({
          success: true,
          data: {
            ...unreadTotals(db, user.id),
            conversation_unread_count: db.unreadCount(c, user.id),
            marked: changed.length,
          },
        });
      }),
    ),

    http.put(
      '*/v1/messages/conversations/:id/archive',
      withAuth(ctx, ({ params, user, db }) => {
        const c = loadConversation(db, param(params, 'id'), user);
        c.archivedBy.add(user.id);
        return HttpResponse.json({ success: true, data: { conversation_id: c.id, archived: true } });
      }),
    ),

    http.delete(
      '*/v1/messages/conversations/:id/archive',
      withAuth(ctx, ({ params, user, db }) => {
        const c = loadConversation(db, param(params, 'id'), user);
        c.archivedBy.delete(user.id);
        return HttpResponse.json({ success: true, data: { conversation_id: c.id, archived: false } });
      }),
    ),
  ];
}
