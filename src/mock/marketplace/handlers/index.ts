import type { HttpHandler } from 'msw';
import type { MockContext } from '../../context';

/** msw handlers for the marketplace API. (Stub.) */
export function marketplaceHandlers(_ctx: MockContext): HttpHandler[] {
  return [];
}
