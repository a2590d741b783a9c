import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { axeViolations, renderWithInbox, setupMockServer } from '../../../../test/harness';
import { NotificationSettings } from './NotificationSettings';

const mock = setupMockServer();

const polite = () => document.querySelector('[data-slot="announcer-polite"]')?.textContent ?? '';
const assertive = () => document.querySelector('[data-slot="announcer-assertive"]')?.textContent ?? '';
const sw = (name: string) => screen.getByRole('switch', { name });
const ready = () => screen.findByRole('table', { name: 'Notification settings' });

/** Tracks PUTs of the notification config: how many, and the most at once. */
function trackPuts() {
  let open = 0;
  let maxOpen = 0;
  let total = 0;
  const isPut = (r: Request) => r.method === 'PUT' && r.url.includes('notification_config');
  const onStart = ({ request }: { request: Request }) => {
    if (!isPut(request)) return;
    total++;
    maxOpen = Math.max(maxOpen, ++open);
  };
  const onEnd = ({ request }: { request: Request }) => {
    if (isPut(request)) open--;
  };
  mock.server.events.on('request:start', onStart);
  mock.server.events.on('response:mocked', onEnd);
  return {
    get total() {
      return total;
    },
    get maxOpen() {
      return maxOpen;
    },
    stop: () => {
      mock.server.events.removeListener('request:start', onStart);
      mock.server.events.removeListener('response:mocked', onEnd);
    },
  };
}

describe('NotificationSettings (Shopmonkey)', () => {
  it('shows categories × channels as a table of named switches and passes axe', async () => {
    const { container } = renderWithInbox(<NotificationSettings />, { as: 'staff' });
    const table = await ready();
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Notify me about', 'Email', 'SMS', 'In-app']);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['Messages', 'Appointments', 'Order updates', 'Payments', 'Everything else']);
    expect(sw('Messages Email')).not.toBeChecked();
    expect(sw('Messages SMS')).toBeChecked();
    expect(sw('Payments In-app')).not.toBeChecked();
    // No entry of its own: follows "Everything else".
    expect(sw('Appointments Email')).toBeChecked();
    expect(sw('Everything else SMS')).not.toBeChecked();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('saves a toggle at once, announces "Saved", and the server has it (keyboard path)', async () => {
    const { user, transport } = renderWithInbox(<NotificationSettings />, { as: 'staff' });
    await ready();
    await user.tab();
    expect(sw('Messages Email')).toHaveFocus();
    await user.tab();
    await user.tab();
    await user.tab();
    expect(sw('Appointments Email')).toHaveFocus();
    await user.tab();
    await user.keyboard(' ');
    expect(sw('Appointments SMS')).toBeChecked();
    expect(sw('Appointments SMS')).toHaveFocus();
    await waitFor(() => expect(polite()).toContain('Saved'), { timeout: 3000 });
    const stored = await transport.getPreferences();
    expect(stored.categories.appointment).toEqual({ email: true, sms: true, inApp: true });
    expect(stored.default).toEqual({ email: true, sms: false, inApp: true });
  });

  it('reverts with a visible message and an assertive announcement when saving fails', async () => {
    mock.use(
      http.put('*/v3/user/:id/notification_config', () =>
        HttpResponse.json({ success: false, message: 'Internal error' }, { status: 500 }),
      ),
    );
    const { user, transport } = renderWithInbox(<NotificationSettings />, { as: 'staff' });
    await ready();
    await user.click(sw('Order updates SMS'));
    await waitFor(() => expect(sw('Order updates SMS')).not.toBeChecked());
    expect(sw('Order updates SMS')).toHaveFocus();
    expect(
      within(screen.getByRole('region', { name: 'Notification settings' })).getByText(/^Could not save: /),
    ).toBeVisible();
    expect(assertive()).toMatch(/^Could not save: /);
    expect(polite()).not.toContain('Saved');
    expect((await transport.getPreferences()).categories.order).toBeUndefined();
  });

  it('serializes rapid toggling: one PUT at a time, and the server ends with the last choice', async () => {
    mock.ctx.knobs.latencyMs = [60, 60];
    const puts = trackPuts();
    const { user, transport } = renderWithInbox(<NotificationSettings />, { as: 'staff' });
    await ready();
    const email = sw('Messages Email');
    for (let i = 0; i < 5; i++) await user.click(email); // off → on → off → on → off → on
    await user.click(sw('Payments SMS'));
    await user.click(sw('Everything else In-app'));
    expect(email).toBeChecked();
    await waitFor(() => expect(polite()).toContain('Saved'), { timeout: 5000 });
    expect(puts.maxOpen).toBe(1);
    expect(puts.total).toBeLessThan(7);
    puts.stop();
    mock.ctx.knobs.latencyMs = [0, 0];
    const stored = await transport.getPreferences();
    expect(stored.categories.message).toEqual({ email: true, sms: true, inApp: true });
    expect(stored.categories.payment).toEqual({ email: true, sms: true, inApp: false });
    expect(stored.default).toEqual({ email: true, sms: false, inApp: false });
    expect(sw('Messages Email')).toBeChecked();
    expect(sw('Everything else In-app')).not.toBeChecked();
  });

  it('offers one fieldset per category in the narrow layout', async () => {
    const { container, user, transport } = renderWithInbox(<NotificationSettings layout="fieldsets" />, {
      as: 'staff',
    });
    const group = await screen.findByRole('group', { name: 'Order updates' });
    expect(screen.queryByRole('table')).toBeNull();
    expect(
      within(group)
        .getAllByRole('switch')
        .map((s) => s.getAttribute('data-channel')),
    ).toEqual(['email', 'sms', 'inApp']);
    await user.click(within(group).getByRole('switch', { name: 'Order updates Email' }));
    await waitFor(() => expect(polite()).toContain('Saved'), { timeout: 3000 });
    expect((await transport.getPreferences()).categories.order?.email).toBe(false);
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('NotificationSettings (marketplace)', () => {
  it('says the account has no settings instead of failing', async () => {
    const { container } = renderWithInbox(<NotificationSettings />, { as: 'buyer' });
    expect(screen.getByRole('heading', { level: 2, name: 'Notification settings' })).toBeInTheDocument();
    expect(screen.getByText('This account has no notification settings to change.')).toBeInTheDocument();
    expect(screen.queryByRole('switch')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });
});
