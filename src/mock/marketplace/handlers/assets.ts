import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { MockContext } from '../../context';

/** The bytes and type of a `data:` URI (the seed's offline images). */
function fromDataUri(uri: string): { type: string; body: BodyInit } | undefined {
  const match = /^data:([^;,]+)(;base64|;utf8)?,(.*)$/s.exec(uri);
  if (!match) return undefined;
  const [, type, encoding, data] = match as unknown as [string, string, string | undefined, string];
  if (encoding === ';base64') return { type, body: Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) };
  return { type, body: decodeURIComponent(data) };
}

/**
 * `GET /mock-assets/:id/:name`: serves uploaded attachments back (no auth, like a CDN URL).
 * `GET /placeholder/listings/:uuid/:size`: listing images under the relative URLs the `/api` family sends.
 */
export function assetHandlers(ctx: MockContext): HttpHandler[] {
  return [
    http.get('*/placeholder/listings/:id/:size', ({ params }) => {
      const db = ctx.db.marketplace;
      const listing = db.listings.get(db.fromUuid(String(params.id)) ?? '');
      const image = listing ? fromDataUri(listing.thumbnail) : undefined;
      if (!image) return new HttpResponse('Not found', { status: 404 });
      return new HttpResponse(image.body, { headers: { 'Content-Type': image.type } });
    }),
    http.get('*/mock-assets/:id/:name', ({ params }) => {
      const file = ctx.db.marketplace.files.get(String(params.id));
      if (!file) return new HttpResponse('Not found', { status: 404 });
      return new HttpResponse(file, { headers: { 'Content-Type': file.type || 'application/octet-stream' } });
    }),
  ];
}
