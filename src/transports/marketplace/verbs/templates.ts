import type { Template } from '../../../core/types';
import type { CallOptions, MessagingTransport } from '../../types';
import { toTemplate } from '../mappers';
import { parseWire } from '../schemas/base';
import { v1TemplateCreatedSchema, v1TemplatesSchema } from '../schemas/templates';
import type { MarketplaceContext } from './context';
import { req } from './context';

/** Message templates (v1 only: the `/api` family has none). */

export async function listTemplates(ctx: MarketplaceContext, opts: CallOptions = {}): Promise<Template[]> {
  return parseWire(
    v1TemplatesSchema,
    await req(ctx.http, { method: 'GET', path: '/messages/templates', signal: opts.signal }),
  ).data.templates.map(toTemplate);
}

export async function createTemplate(
  ctx: MarketplaceContext,
  input: Parameters<MessagingTransport['createTemplate']>[0],
  opts: CallOptions = {},
): Promise<Template> {
  const body = parseWire(
    v1TemplateCreatedSchema,
    await req(ctx.http, {
      method: 'POST',
      path: '/messages/templates',
      body: { name: input.name, category: input.category, content: input.content },
      signal: opts.signal,
    }),
  );
  return toTemplate(body.data.template);
}
