import type { HttpHandler } from 'msw';
import type { MockContext } from '../../context';

/** msw handlers for the shopmonkey API. (Stub.) */
export function shopmonkeyHandlers(_ctx: MockContext): HttpHandler[] {
  return [];
}
