/**
 * The kit against the marketplace `/api` family in its real-server shape, at component level: a
 * malformed row costs that row, not the inbox, and the provider's `onDiagnostic` hears what was skipped.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MARKETPLACE_FIXTURES as F } from '../../src/mock/marketplace/seed';
import { Inbox, MessagingProvider } from '../../src/react';
import type { TransportDiagnostic } from '../../src/transports/diagnostics';
import { createMarketplaceTransport } from '../../src/transports/marketplace';
import { setupMockServer } from '../harness';

const mock = setupMockServer();
const uuid = (id: string) => mock.ctx.db.marketplace.uuid(id);

function renderApi(ui: React.ReactNode, onDiagnostic?: (d: TransportDiagnostic) => void) {
  const transport = createMarketplaceTransport({
    baseUrl: 'http://localhost',
    profile: 'api',
    getToken: () => F.buyer.token,
    retryDelayMs: 1,
    reconcileDelayMs: 0,
  });
  render(
    <MessagingProvider
      transport={transport}
      currentUser={{ id: uuid(F.buyer.id) }}
      pollIntervalMs={false}
      storage={null}
      {...(onDiagnostic ? { onDiagnostic } : {})}
    >
      {ui}
    </MessagingProvider>,
  );
}

describe('marketplace /api in the UI', () => {
  it('shows every readable row when one row is malformed, and tells the provider what it skipped', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const heard: TransportDiagnostic[] = [];
    const original = mock.ctx.db.marketplace.users.get(F.seller.id)!;
    const name = original.name;
    (original as { name: unknown }).name = { first: 'ABC' }; // the server sends an object where a name belongs
    renderApi(<Inbox />, (d) => heard.push(d));
    const list = await screen
      .findByRole('grid', undefined, { timeout: 3000 })
      .catch(() => screen.findByRole('list'));
    await waitFor(() => expect(within(list).getByText(/Van Centrum/)).toBeInTheDocument());
    expect(within(list).queryByText(/Volvo FH 500/)).not.toBeInTheDocument();
    expect(heard.some((d) => d.kind === 'dropped_item' && d.path.endsWith('otherParty.name'))).toBe(true);
    (original as { name: unknown }).name = name;
  });
});
