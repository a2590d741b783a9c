import type { HttpResponseResolver, PathParams } from 'msw';
import type { MockContext } from '../../context';
import { withSimulation } from '../../context';
import { MockHttpError } from '../../errors';
import type { MarketplaceDb, MkUser } from '../db';

/** What an authenticated marketplace resolver receives. */
export interface AuthedArgs {
  request: Request;
  params: PathParams;
  /** The signed-in user. */
  user: MkUser;
  /** The current marketplace db (read at request time: a reset swaps it). */
  db: MarketplaceDb;
  ctx: MockContext;
}

/** Resolves a Bearer token: a fixed `mk_*` token or an unexpired access token from `/api/auth/login`. */
export function authenticate(ctx: MockContext, request: Request): MkUser {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match)
    throw new MockHttpError('unauthorized', 'Authentication required: send "Authorization: Bearer <token>".');
  const token = match[1]!.trim();
  const db = ctx.db.marketplace;
  for (const u of db.users.values()) if (u.token === token) return u;
  const session = db.accessTokens.get(token);
  if (session) {
    if (session.expiresAt <= ctx.knobs.now().getTime())
      throw new MockHttpError('unauthorized', 'Access token expired. Refresh it and try again.');
    const user = db.users.get(session.userId);
    if (user) return user;
  }
  throw new MockHttpError('unauthorized', 'Invalid or unknown access token.');
}

/**
 * Wraps a resolver with simulation (latency, failures, rate limit, error
 * mapping) and Bearer authentication.
 */
export function withAuth(
  ctx: MockContext,
  resolver: (args: AuthedArgs) => Response | Promise<Response>,
): HttpResponseResolver {
  return ({ request, params }) =>
    withSimulation(ctx, request, () =>
      resolver({ request, params, user: authenticate(ctx, request), db: ctx.db.marketplace, ctx }),
    );
}

/** Wraps an unauthenticated resolver (login, refresh) with simulation. */
export function withPublic(
  ctx: MockContext,
  resolver: (args: {
    request: Request;
    params: PathParams;
    db: MarketplaceDb;
  }) => Response | Promise<Response>,
): HttpResponseResolver {
  return ({ request, params }) =>
    withSimulation(ctx, request, () => resolver({ request, params, db: ctx.db.marketplace }));
}

/** A path parameter as a string. */
export function param(params: PathParams, name: string): string {
  const v = params[name];
  return typeof v === 'string' ? v : (v?.[0] ?? '');
}

/** Parses `page`/`limit` query parameters (1-based page, limit capped at `max`). */
export function paging(url: URL, defaultLimit: number, max = 100): { page: number; limit: number } {
  const page = Math.max(1, Math.floor(Number(url.searchParams.get('page') ?? '1')) || 1);
  const limit = Math.min(
    max,
    Math.max(1, Math.floor(Number(url.searchParams.get('limit') ?? String(defaultLimit))) || defaultLimit),
  );
  return { page, limit };
}
