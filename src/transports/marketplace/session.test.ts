// @vitest-environment node
import { delay, http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMockServer } from '../../mock/node';
import { MARKETPLACE_FIXTURES as F } from '../../mock/marketplace/seed';
import type { TransportError } from '../../core/TransportError';
import { createMarketplaceTransport } from './createMarketplaceTransport';
import { createMarketplaceSession } from './session';

const mock = createMockServer({ seed: 1, knobs: { autoReply: false } });
beforeAll(() => mock.listen());
afterEach(() => mock.reset());
afterAll(() => mock.close());

function countAuth() {
  const counts = { login: 0, refresh: 0 };
  const on = ({ request }: { request: Request }) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/auth/login') counts.login += 1;
    if (path === '/api/auth/refresh') counts.refresh += 1;
  };
  mock.server.events.on('request:start', on);
  return { counts, stop: () => mock.server.events.removeListener('request:start', on) };
}

/** Expires every access token the mock issued (the server's clock moved on). */
function expireAccessTokens() {
  for (const s of mock.ctx.db.marketplace.accessTokens.values()) s.expiresAt = 0;
}

async function signedIn(
  extra: Parameters<typeof createMarketplaceSession>[0] extends infer O ? Partial<O> : never = {},
) {
  const session = createMarketplaceSession({ baseUrl: 'http://localhost', ...extra });
  await session.login(F.buyer.email, F.password);
  const onUnauthorized = vi.fn<(e: TransportError) => void>();
  const transport = createMarketplaceTransport({
    baseUrl: 'http://localhost',
    profile: 'api',
    getToken: session.getToken,
    fetch: session.fetch,
    onUnauthorized,
    retryDelayMs: 1,
  });
  return { session, transport, onUnauthorized };
}

describe('createMarketplaceSession', () => {
  it('logs in and its token reads the inbox; a wrong password is unauthorized', async () => {
    const { session, transport } = await signedIn();
    expect(session.user).toMatchObject({ name: F.buyer.name });
    expect((await transport.listConversations()).items.length).toBeGreaterThan(0);
    await expect(
      createMarketplaceSession({ baseUrl: 'http://localhost' }).login(F.buyer.email, 'wrong'),
    ).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('two concurrent 401s cause one refresh (the server rotates refresh tokens)', async () => {
    const { transport, onUnauthorized } = await signedIn();
    // load both verb modules first, so the two requests really leave together
    await Promise.all([transport.listConversations(), transport.listNotifications()]);
    expireAccessTokens();
    // a slow refresh, so that both 401s arrive while it runs
    mock.server.use(http.post('*/api/auth/refresh', () => delay(100).then(() => undefined)));
    const auth = countAuth();
    const [a, b] = await Promise.all([transport.listConversations(), transport.listNotifications()]);
    auth.stop();
    expect(a.items.length).toBeGreaterThan(0);
    expect(b.items.length).toBeGreaterThan(0);
    expect(auth.counts.refresh).toBe(1);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('refreshes before expiry, so no request meets a 401', async () => {
    let clock = Date.now();
    const { transport } = await signedIn({ now: () => clock });
    clock += 14.5 * 60_000; // within a minute of the 15-minute expiry
    const auth = countAuth();
    let unauthorized = 0;
    const off = ({ response }: { response: Response }) => {
      if (response.status === 401) unauthorized += 1;
    };
    mock.server.events.on('response:mocked', off);
    await transport.listConversations();
    mock.server.events.removeListener('response:mocked', off);
    auth.stop();
    expect(auth.counts.refresh).toBe(1);
    expect(unauthorized).toBe(0);
  });

  it('a failed refresh is unauthorized and reaches onUnauthorized, not network', async () => {
    const changes: unknown[] = [];
    const { session, transport, onUnauthorized } = await signedIn({ onChange: (t) => changes.push(t) });
    expireAccessTokens();
    mock.ctx.db.marketplace.refreshTokens.clear(); // the refresh token was used elsewhere, or revoked
    await expect(transport.listConversations()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized.mock.calls[0]![0].code).toBe('unauthorized');
    expect(session.signedIn).toBe(false);
    expect(changes.at(-1)).toBeNull();
  });
});
