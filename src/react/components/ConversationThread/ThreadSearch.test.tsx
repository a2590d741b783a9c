import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations, makeTransport, renderWithInbox, setupMockServer } from '../../../../test/harness';
import type { MessagingTransport } from '../../../transports/types';
import { ConversationThread } from './ConversationThread';
import { setupThreadLayout } from '../../../../test/threadLayout';
import { findMatches, foldQuery, matchRanges } from './search';
import type { Message } from '../../../core/types';

const mock = setupMockServer();
setupThreadLayout();

const CONV = 'conv_1001';

function polite(): string {
  return document.querySelector('[data-slot="announcer-polite"]')?.textContent ?? '';
}

/** Gives three of conv_1001's messages texts to find. */
function seed(): void {
  const messages = mock.ctx.db.marketplace.messages.get(CONV)!.filter((m) => m.type === 'text');
  messages.at(-2)!.content = 'Über den Zustand können wir reden.';
  messages.at(-5)!.content = 'The Zústand is firm, sorry.';
  messages.at(-9)!.content = 'What ZUSTAND did you have in mind?';
}

describe('Find in conversation', () => {
  it('Ctrl+F opens it; matches ignore case and diacritics, are highlighted and counted, Enter steps back in time, Escape closes', async () => {
    seed();
    const { user, container } = renderWithInbox(<ConversationThread conversationId={CONV} />);
    await waitFor(() => expect(screen.getAllByRole('article').length).toBeGreaterThan(10));
    screen.getAllByRole('article').at(-1)!.focus();
    await user.keyboard('{Control>}f{/Control}');
    const field = await screen.findByRole('searchbox', { name: 'Find in conversation' });
    await waitFor(() => expect(field).toHaveFocus());
    await user.type(field, 'uber');
    await waitFor(() => expect(within(screen.getByRole('search')).getByText('1 of 1')).toBeInTheDocument());
    await user.clear(field);
    await user.paste('zustand');
    await waitFor(() => expect(within(screen.getByRole('search')).getByText('1 of 3')).toBeInTheDocument());
    const marks = () => Array.from(container.querySelectorAll('mark')).map((m) => m.textContent);
    expect(marks()).toEqual(expect.arrayContaining(['Zustand', 'Zústand', 'ZUSTAND']));
    const active = () => container.querySelector('mark[data-active]')?.closest('article')?.textContent ?? '';
    expect(active()).toContain('Über den Zustand');
    await waitFor(() => expect(polite()).toContain('1 of 3'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(screen.getByRole('search')).getByText('2 of 3')).toBeInTheDocument());
    expect(active()).toContain('The Zústand is firm');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(active()).toContain('What ZUSTAND did you have in mind?'));
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    await waitFor(() => expect(within(screen.getByRole('search')).getByText('2 of 3')).toBeInTheDocument());
    expect(await axeViolations(container)).toEqual([]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
    expect(container.querySelector('mark')).toBeNull();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Find in conversation' })).toHaveFocus());
  }, 30_000);

  it('says when nothing matches', async () => {
    const { user } = renderWithInbox(<ConversationThread conversationId={CONV} />);
    await user.click(await screen.findByRole('button', { name: 'Find in conversation' }));
    await user.type(screen.getByRole('searchbox'), 'zebra crossing');
    await waitFor(() =>
      expect(within(screen.getByRole('search')).getByText('No matches')).toBeInTheDocument(),
    );
  });
});

/** The buyer's transport, reading messages five at a time, so a thread has several pages. */
function smallPages(): MessagingTransport {
  const base = makeTransport('buyer');
  return Object.assign(Object.create(base) as MessagingTransport, {
    listMessages: (params: Parameters<MessagingTransport['listMessages']>[0]) =>
      base.listMessages({ ...params, limit: 5 }),
  });
}

describe('Find in conversation: older messages', () => {
  it('loads earlier pages until a match is found, then stops', async () => {
    const messages = mock.ctx.db.marketplace.messages.get(CONV)!.filter((m) => m.type === 'text');
    messages.at(-20)!.content = 'The gearbox was replaced in 2023.';
    const { user } = renderWithInbox(<ConversationThread conversationId={CONV} />, {
      transport: smallPages(),
    });
    await user.click(await screen.findByRole('button', { name: 'Find in conversation' }));
    await user.type(screen.getByRole('searchbox'), 'gearbox');
    const bar = screen.getByRole('search');
    await waitFor(() => expect(within(bar).getByText('No matches')).toBeInTheDocument());
    await user.click(within(bar).getByRole('button', { name: 'Search older messages' }));
    await waitFor(() => expect(within(bar).getByText('1 of 1')).toBeInTheDocument());
    // It stopped at the match: the start of the conversation was not loaded.
    expect(screen.queryByText('Start of conversation')).not.toBeInTheDocument();
  });

  it('says so when the start of the conversation is reached without a match', async () => {
    const { user } = renderWithInbox(<ConversationThread conversationId={CONV} />, {
      transport: smallPages(),
    });
    await user.click(await screen.findByRole('button', { name: 'Find in conversation' }));
    await user.type(screen.getByRole('searchbox'), 'zebra crossing');
    await user.click(
      within(screen.getByRole('search')).getByRole('button', { name: 'Search older messages' }),
    );
    await waitFor(() => expect(polite()).toContain('this is the start of the conversation'), {
      timeout: 5000,
    });
    expect(
      within(screen.getByRole('search')).queryByRole('button', { name: 'Search older messages' }),
    ).toBeNull();
  });
});

describe('matching', () => {
  const msg = (id: string, text: string): Message => ({
    id,
    conversationId: 'c',
    senderId: 's',
    direction: 'incoming',
    kind: 'text',
    text,
    attachments: [],
    sentAt: '2026-01-01T00:00:00Z',
  });

  it('finds newest first, ignoring case and diacritics', () => {
    const list = [msg('1', 'Crème brûlée'), msg('2', 'no'), msg('3', 'CREME fraiche')];
    expect(findMatches(list, foldQuery('creme', 'en'), 'en').map((m) => m.id)).toEqual(['3', '1']);
  });

  it('highlights the original characters, even where folding changes lengths', () => {
    expect(matchRanges('Crème brûlée', foldQuery('brulee', 'en'), 'en')).toEqual([[6, 12]]);
    expect(matchRanges('Straße STRASSE', foldQuery('strasse', 'de'), 'de')).toEqual([[7, 14]]);
    expect(matchRanges('İstanbul', foldQuery('istanbul', 'tr'), 'tr')).toEqual([[0, 8]]);
  });
});
