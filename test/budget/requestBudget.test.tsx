/**
 * The request budget of an idle session against the marketplace `/api` family: inbox, unread badge and
 * notification bell open for 15 minutes, nothing happening. The real server allows 1,000 requests per
 * 15 minutes per IP, shared by everyone behind one NAT, so the goal is at most 70.
 *
 * Time is simulated: vitest fake timers drive every timer and `Date` (react-query's polls, the
 * provider's interval), advanced in 1-second steps through 15 minutes, while the reference server
 * (msw, in process) answers at once. Each request that reaches the server is counted by
 * `METHOD path`. `npm run bench -- --only requests` runs this file and prints the figures it writes
 * to `INBOX_KIT_BUDGET_OUT`.
 */
import { act, render } from '@testing-library/react';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MARKETPLACE_FIXTURES as F } from '../../src/mock/marketplace/seed';
import { Inbox, MessagingProvider, NotificationBell, UnreadBadge } from '../../src/react';
import { createMarketplaceTransport } from '../../src/transports/marketplace';
import { setupMockServer } from '../harness';

const mock = setupMockServer();
const MINUTES = 15;

afterEach(() => {
  vi.useRealTimers();
});

const tree = (transport: ReturnType<typeof createMarketplaceTransport>) => (
  <MessagingProvider transport={transport} currentUser={{ id: mock.ctx.db.marketplace.uuid(F.buyer.id) }}>
    <UnreadBadge />
    <NotificationBell />
    <Inbox />
  </MessagingProvider>
);
const apiTransport = () =>
  createMarketplaceTransport({ baseUrl: 'http://localhost', profile: 'api', getToken: () => F.buyer.token });

/** Loads every module the session uses (dynamic imports resolve on real timers), before time is faked. */
async function warmUp() {
  const view = render(tree(apiTransport()));
  await new Promise((r) => setTimeout(r, 1500));
  view.unmount();
}

async function idleSession(visible: boolean) {
  await warmUp();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  const counts = new Map<string, number>();
  const onStart = ({ request }: { request: Request }) => {
    const key = `${request.method} ${new URL(request.url).pathname.replace(/[0-9a-f-]{36}/g, ':id')}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  mock.server.events.on('request:start', onStart);
  Object.defineProperty(document, 'visibilityState', {
    value: visible ? 'visible' : 'hidden',
    configurable: true,
  });
  const view = render(tree(apiTransport()));
  for (let s = 0; s < MINUTES * 60; s++) await act(() => vi.advanceTimersByTimeAsync(1000));
  view.unmount();
  vi.useRealTimers();
  mock.server.events.removeListener('request:start', onStart);
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return { total, byEndpoint: Object.fromEntries([...counts].sort((a, b) => b[1] - a[1])) };
}

describe('request budget (marketplace /api, 15-minute idle session)', () => {
  it('inbox + badge + bell open for 15 minutes cost at most 70 requests; nothing polls while hidden', async () => {
    const visible = await idleSession(true);
    const hidden = await idleSession(false);
    if (process.env.INBOX_KIT_BUDGET_OUT)
      writeFileSync(
        process.env.INBOX_KIT_BUDGET_OUT,
        JSON.stringify({ minutes: MINUTES, visible, hidden }, null, 2),
      );
    expect(visible.total).toBeLessThanOrEqual(70);
    // the unread poll is one request each time
    expect(visible.byEndpoint['GET /api/messages/unread'] ?? 0).toBeGreaterThanOrEqual(40);
    // hidden: the first load only, no poll
    expect(hidden.total).toBeLessThan(10);
  }, 240_000);
});
