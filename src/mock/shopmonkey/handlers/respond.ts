import { HttpResponse } from 'msw';
import type { SmListMeta } from '../../../transports/shopmonkey/wire';

/** `{success: true, data}` with status 200 (creates answer 200 too). */
export function ok(data: unknown): Response {
  return HttpResponse.json({ success: true, data });
}

/** `{success: true, data: [...], meta: {hasMore, total}}`. */
export function okList(data: unknown[], meta: SmListMeta): Response {
  return HttpResponse.json({ success: true, data, meta });
}
