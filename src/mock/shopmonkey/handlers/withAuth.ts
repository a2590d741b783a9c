import type { PathParams } from 'msw';
import { withSimulation } from '../../context';
import type { MockContext } from '../../context';
import { MockHttpError } from '../../errors';
import type { ShopmonkeyDb, SmUser } from '../db';

/** What an authenticated Shopmonkey resolver receives. */
export interface AuthedRequest {
  request: Request;
  params: PathParams;
  /** The staff user the API key belongs to. */
  user: SmUser;
  db: ShopmonkeyDb;
}

/**
 * Wraps a resolver with the simulation knobs and the Bearer API key check
 * (401 for a missing or unknown key). The db is read per request because a
 * reset replaces it.
 */
export function withAuth(ctx: MockContext, resolve: (req: AuthedRequest) => Response | Promise<Response>) {
  return ({ request, params }: { request: Request; params: PathParams }) =>
    withSimulation(ctx, request, () => {
      const db = ctx.db.shopmonkey;
      const header = request.headers.get('authorization') ?? '';
      const match = /^Bearer\s+(.+)$/i.exec(header.trim());
      if (!match)
        throw new MockHttpError('unauthorized', 'Missing API key. Send "Authorization: Bearer <API key>".');
      const user = db.userByToken(match[1]!.trim());
      if (!user) throw new MockHttpError('unauthorized', 'Invalid API key.');
      return resolve({ request, params, user, db });
    });
}

/** A path parameter as a string. */
export function param(params: PathParams, name: string): string {
  const v = params[name];
  return Array.isArray(v) ? String(v[0] ?? '') : String(v ?? '');
}

/** The `:id` user of a user route: 404 if unknown, 403 if not the caller. */
export function ownUser(req: AuthedRequest): SmUser {
  const id = param(req.params, 'id');
  if (!req.db.users.has(id)) throw new MockHttpError('not_found', `User ${id} not found.`);
  if (id !== req.user.id)
    throw new MockHttpError('forbidden', 'You can only access your own user resources.');
  return req.user;
}
