import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { FieldError } from '../../../core/TransportError';
import type { MockContext } from '../../context';
import { readJsonObject } from '../../errors';
import type { MkTemplate } from '../db';
import { assertValid, MAX_TEXT } from '../operations';
import { templateV1 } from '../views';
import { withAuth } from './withAuth';

const CATEGORIES: ReadonlyArray<MkTemplate['category']> = [
  'inquiry',
  'offer',
  'viewing',
  'after_sale',
  'other',
];

/** `GET|POST /v1/messages/templates`: shared templates plus the caller's own. */
export function templateHandlers(ctx: MockContext): HttpHandler[] {
  return [
    http.get(
      '*/v1/messages/templates',
      withAuth(ctx, ({ user, db }) => {
        const templates = db.templates
          .filter((t) => t.ownerId === null || t.ownerId === user.id)
          .map(templateV1);
        return HttpResponse.json({ success: true, data: { templates } });
      }),
    ),

    http.post(
      '*/v1/messages/templates',
      withAuth(ctx, async ({ request, user, db }) => {
        const body = await readJsonObject(request);
        const errors: FieldError[] = [];
        const name = typeof body.name === 'string' ? body.name.trim() : '';
        const content = typeof body.content === 'string' ? body.content.trim() : '';
        if (!name) errors.push({ field: 'name', message: 'Name is required.', code: 'required' });
        else if (name.length > 100)
          errors.push({ field: 'name', message: 'Name must be at most 100 characters.', code: 'too_big' });
        if (!CATEGORIES.includes(body.category as MkTemplate['category']))
          errors.push({
            field: 'category',
            message: `Category must be one of ${CATEGORIES.join(', ')}.`,
            code: 'invalid_enum',
          });
        if (!content) errors.push({ field: 'content', message: 'Content is required.', code: 'required' });
        else if (content.length > MAX_TEXT)
          errors.push({
            field: 'content',
            message: `Content must be at most ${MAX_TEXT} characters.`,
            code: 'too_big',
          });
        else {
          const bad = [...content.matchAll(/\{\{([^}]*)\}\}/g)]
            .map((m) => m[1]!.trim())
            .filter((v) => !/^[a-z_][a-z0-9_]*$/.test(v));
          if (bad.length)
            errors.push({
              field: 'content',
              message: `Invalid variable names: ${bad.join(', ')}. Use lowercase letters, digits and _.`,
              code: 'invalid_variable',
            });
        }
        assertValid(errors);
        const template: MkTemplate = {
          id: db.nextId('tpl'),
          ownerId: user.id,
          name,
          category: body.category as MkTemplate['category'],
          content,
          createdAt: ctx.knobs.now().toISOString(),
        };
        db.templates.push(template);
        return HttpResponse.json(
          { success: true, data: { template: templateV1(template) } },
          { status: 201 },
        );
      }),
    ),
  ];
}
