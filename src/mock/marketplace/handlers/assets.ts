import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { MockContext } from '../../context';

/** `GET /mock-assets/:id/:name`: serves uploaded attachments back (no auth, like a CDN URL). */
export function assetHandlers(ctx: MockContext): HttpHandler[] {
  return [
    http.get('*/mock-assets/:id/:name', ({ params }) => {
      const file = ctx.db.marketplace.files.get(String(params.id));
      if (!file) return new HttpResponse('Not found', { status: 404 });
      return new HttpResponse(file, { headers: { 'Content-Type': file.type || 'application/octet-stream' } });
    }),
  ];
}
