import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations, renderWithInbox, setupMockServer } from '../../../../test/harness';
import { ConversationThread } from './ConversationThread';
import { Composer } from '../Composer';
import { setupThreadLayout } from '../../../../test/threadLayout';
import { deLocale } from '../../strings/de';

const mock = setupMockServer();
setupThreadLayout();

const CONV = 'conv_1001';
const BUYER = 'usr_buyer_1';

/** Rewrites the newest message from the seller in conv_1001, as if the seller had written `text`. */
function sellerWrites(text: string): void {
  const messages = mock.ctx.db.marketplace.messages.get(CONV)!;
  const last = messages.filter((m) => m.senderId !== BUYER && m.type === 'text').at(-1)!;
  last.content = text;
}

function article(text: string): HTMLElement {
  const hit = screen.getAllByRole('article').find((a) => a.textContent?.includes(text));
  if (!hit) throw new Error(`no article with ${text}`);
  return hit;
}

describe('Safety notices', () => {
  it('puts a calm note under the other party’s message with a phone number, and not under ordinary ones', async () => {
    sellerWrites('Call me on +31 6 1234 5678 for a better price');
    const { container } = renderWithInbox(<ConversationThread conversationId={CONV} />);
    const risky = await waitFor(() => article('Call me on +31 6 1234 5678'));
    expect(within(risky).getByText(/shares contact details or a link/)).toBeInTheDocument();
    expect(container.querySelectorAll('[data-slot="message-safety"]')).toHaveLength(1);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('warns about off-platform payment wording in the user’s language', async () => {
    sellerWrites('Nur Vorkasse per Überweisung, bitte.');
    renderWithInbox(<ConversationThread conversationId={CONV} />, { provider: { locale: deLocale } });
    const risky = await waitFor(() => article('Nur Vorkasse'));
    expect(within(risky).getByText(/Zahlung außerhalb der Plattform/)).toBeInTheDocument();
  });

  it('a host can turn notices off, or supply its own rule', async () => {
    sellerWrites('Call me on +31 6 1234 5678');
    const off = renderWithInbox(<ConversationThread conversationId={CONV} />, {
      provider: { safety: false },
    });
    await waitFor(() => article('Call me on +31 6 1234 5678'));
    expect(off.container.querySelector('[data-slot="message-safety"]')).toBeNull();
    off.unmount();
    const own = renderWithInbox(<ConversationThread conversationId={CONV} />, {
      provider: { safety: { check: (text) => (text.includes('price') ? ['payment'] : []) } },
    });
    await waitFor(() =>
      expect(own.container.querySelectorAll('[data-slot="message-safety"]').length).toBeGreaterThan(0),
    );
    expect(own.container.querySelector('[data-slot="message-safety"]')?.textContent).toMatch(
      /paying outside/,
    );
  });
});

describe('Copy text', () => {
  it('copies a message’s text from its menu and says so', async () => {
    sellerWrites('The truck has a new clutch.');
    const { user } = renderWithInbox(<ConversationThread conversationId={CONV} />);
    const message = await waitFor(() => article('The truck has a new clutch.'));
    await user.click(within(message).getByRole('button', { name: 'More actions' }));
    await user.click(within(message).getByRole('menuitem', { name: 'Copy text' }));
    await expect(navigator.clipboard.readText()).resolves.toBe('The truck has a new clutch.');
    await waitFor(() =>
      expect(document.querySelector('[data-slot="announcer-polite"]')?.textContent).toContain('Copied'),
    );
    expect(within(message).getByRole('button', { name: 'More actions' })).toHaveFocus();
  });
});

describe('Composer: sharing contact details', () => {
  it('says once that sharing a phone number is at the user’s own risk', async () => {
    const { user } = renderWithInbox(<Composer conversationId="conv_1002" />);
    const field = screen.getByRole('textbox', { name: /message/i });
    await user.type(field, 'You can reach me at 06 1234 5678');
    expect(screen.getByText(/at your own risk/)).toHaveAttribute('role', 'status');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(field).toHaveValue(''));
    await user.type(field, 'or mail anna@example.org');
    expect(screen.queryByText(/at your own risk/)).toBeNull();
  });

  it('says nothing for an ordinary message', async () => {
    const { user } = renderWithInbox(<Composer conversationId="conv_1002" />);
    await user.type(screen.getByRole('textbox', { name: /message/i }), 'Is it still available?');
    expect(screen.queryByText(/at your own risk/)).toBeNull();
  });
});
