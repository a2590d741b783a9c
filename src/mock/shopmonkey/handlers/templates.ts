import { http } from 'msw';
import type { HttpHandler } from 'msw';
import type { FieldError } from '../../../core/TransportError';
import type { SmMessageTemplate } from '../../../transports/shopmonkey/wire';
import type { MockContext } from '../../context';
import { MockHttpError, readJson } from '../../errors';
import { compareBy, matchesWhere, parseListQuery } from './listQuery';
import type { FieldType } from './listQuery';
import { ok, okList } from './respond';
import { param, withAuth } from './withAuth';

/** Fields `GET /v3/message_template` can filter and order on. */
export const TEMPLATE_FIELDS: Record<string, FieldType> = {
  id: 'string',
  name: 'string',
  deleted: 'boolean',
  createdDate: 'date',
  updatedDate: 'date',
};

/** Most characters of a canned message. */
const MAX_TEMPLATE_TEXT = 5000;

/**
 * Canned messages, `/v3/message_template`: list (soft-deleted rows included unless `where` excludes
 * them), `POST` with `{name, text}`, and `PATCH /:id/:action` where `delete` soft-deletes (`deleted`,
 * `deletedDate`) and `restore` undoes it. The row's field names beyond `name`/`text` follow the other
 * v3 resources; the captured reference does not show this one's schema.
 */
export function templateHandlers(ctx: MockContext): HttpHandler[] {
  return [
    http.get(
      '*/v3/message_template',
      withAuth(ctx, ({ request, db }) => {
        const q = parseListQuery(new URL(request.url), TEMPLATE_FIELDS, {
          ignoreQuery: ctx.knobs.shopmonkeyIgnoreListQuery,
        });
        const rows = [...db.templates.values()].filter((t) =>
          matchesWhere(t as unknown as Record<string, unknown>, q.where, TEMPLATE_FIELDS),
        );
        const sorted = q.orderBy.length ? rows.sort(compareBy(q.orderBy)) : rows;
        const data = sorted.slice(q.skip, q.skip + q.limit).map((t) => ({ ...t }));
        return okList(data, { hasMore: q.skip + data.length < sorted.length, total: sorted.length });
      }),
    ),
    http.post(
      '*/v3/message_template',
      withAuth(ctx, async ({ request, db }) => {
        const body = await readJson(request);
        const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<
          string,
          unknown
        >;
        const errors: FieldError[] = [];
        const name = typeof b.name === 'string' ? b.name.trim() : '';
        const text = typeof b.text === 'string' ? b.text : '';
        if (!name) errors.push({ field: 'name', message: 'name is required.', code: 'required' });
        else if (name.length > 100)
          errors.push({ field: 'name', message: 'name must be at most 100 characters.', code: 'too_long' });
        if (!text.trim()) errors.push({ field: 'text', message: 'text is required.', code: 'required' });
        else if (text.length > MAX_TEMPLATE_TEXT)
          errors.push({
            field: 'text',
            message: `text must be at most ${MAX_TEMPLATE_TEXT} characters.`,
            code: 'too_long',
          });
        if (errors.length) throw new MockHttpError('validation_failed', 'Validation failed', errors);
        const now = ctx.knobs.now().toISOString();
        const template: SmMessageTemplate = {
          id: db.nextId('sm_tpl'),
          createdDate: now,
          updatedDate: null,
          locationId: db.locationId,
          companyId: db.companyId,
          name,
          text,
          deleted: false,
          deletedDate: null,
        };
        db.templates.set(template.id, template);
        return ok(template);
      }),
    ),
    http.patch(
      '*/v3/message_template/:id/:action',
      withAuth(ctx, ({ params, db }) => {
        const template = db.templates.get(param(params, 'id'));
        if (!template) throw new MockHttpError('not_found', 'Message template not found.');
        const action = param(params, 'action');
        const now = ctx.knobs.now().toISOString();
        if (action === 'delete')
          Object.assign(template, { deleted: true, deletedDate: now, updatedDate: now });
        else if (action === 'restore')
          Object.assign(template, { deleted: false, deletedDate: null, updatedDate: now });
        else throw new MockHttpError('not_found', `Unknown action "${action}" (use delete or restore).`);
        return ok({ ...template });
      }),
    ),
  ];
}
