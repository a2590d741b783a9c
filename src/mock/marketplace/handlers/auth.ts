import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { MockContext } from '../../context';
import { MockHttpError, readJsonObject } from '../../errors';
import type { MarketplaceDb, MkUser } from '../db';
import { assertValid } from '../operations';
import { withPublic } from './withAuth';

/** Access tokens from `/api/auth/login` last 15 minutes of `knobs.now()`. */
export const ACCESS_TOKEN_TTL_MS = 15 * 60_000;

const b64url = (s: string) => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function issue(ctx: MockContext, db: MarketplaceDb, user: MkUser) {
  const iat = ctx.knobs.now().getTime();
  const jti = db.nextId('jti');
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(
    JSON.stringify({
      sub: db.uuid(user.id),
      uid: user.id,
      iat: Math.floor(iat / 1000),
      exp: Math.floor((iat + ACCESS_TOKEN_TTL_MS) / 1000),
      jti,
    }),
  );
  const accessToken = `${header}.${payload}.${b64url(`mock-signature:${jti}`)}`;
  const refreshToken = `rt_${jti}_${user.id}`;
  db.accessTokens.set(accessToken, { userId: user.id, expiresAt: iat + ACCESS_TOKEN_TTL_MS });
  db.refreshTokens.set(refreshToken, user.id);
  return {
    user: { id: db.uuid(user.id), name: user.name, email: user.email, role: user.role },
    accessToken,
    refreshToken,
  };
}

/** `POST /api/auth/login {email, password}` and `POST /api/auth/refresh {refreshToken}` (rotates the pair). */
export function authHandlers(ctx: MockContext): HttpHandler[] {
  return [
    http.post(
      '*/api/auth/login',
      withPublic(ctx, async ({ request, db }) => {
        const body = await readJsonObject(request);
        const errors = [];
        if (typeof body.email !== 'string' || !body.email.includes('@'))
          errors.push({ field: 'email', message: 'A valid email is required.', code: 'invalid_email' });
        if (typeof body.password !== 'string' || !body.password)
          errors.push({ field: 'password', message: 'Password is required.', code: 'required' });
        assertValid(errors);
        const user = [...db.users.values()].find(
          (u) => u.email.toLowerCase() === String(body.email).toLowerCase(),
        );
        if (!user || user.password !== body.password)
          throw new MockHttpError('unauthorized', 'Invalid email or password.');
        return HttpResponse.json({ success: true, data: issue(ctx, db, user) });
      }),
    ),

    http.post(
      '*/api/auth/refresh',
      withPublic(ctx, async ({ request, db }) => {
        const body = await readJsonObject(request);
        if (typeof body.refreshToken !== 'string' || !body.refreshToken) {
          assertValid([{ field: 'refreshToken', message: 'refreshToken is required.', code: 'required' }]);
        }
        const token = body.refreshToken as string;
        const userId = db.refreshTokens.get(token);
        const user = userId ? db.users.get(userId) : undefined;
        if (!user) throw new MockHttpError('unauthorized', 'Invalid or expired refresh token');
        db.refreshTokens.delete(token);
        return HttpResponse.json({ success: true, data: issue(ctx, db, user) });
      }),
    ),
  ];
}
