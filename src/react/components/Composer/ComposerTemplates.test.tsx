import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations, renderWithInbox, setupMockServer } from '../../../../test/harness';
import { Composer } from './index';
import {
  expectAnnounced,
  messageField,
  mkLast,
  smConversationId,
  smLast,
} from '../../../../test/composerTestUtils';

const mock = setupMockServer();

describe('Composer: templates', () => {
  it('opens the template popup with / while the textarea keeps focus (keyboard path)', async () => {
    const { user, container } = renderWithInbox(<Composer conversationId="conv_1002" />);
    const field = messageField();
    await user.type(field, 'Hi /');
    const listbox = await screen.findByRole('listbox', { name: 'Templates' });
    expect(field).toHaveFocus();
    expect(field).toHaveAttribute('aria-controls', listbox.id);
    expect(field).not.toHaveAttribute('aria-activedescendant');
    expect(field).not.toHaveAttribute('role');
    expect(field).not.toHaveAttribute('aria-expanded');
    expect(await axeViolations(container)).toEqual([]);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const options = within(listbox).getAllByRole('option');
    expect(field).toHaveAttribute('aria-activedescendant', options[1]!.id);
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    // Typing filters (by name or category) and clears the active option.
    await user.keyboard('avail');
    expect(field).not.toHaveAttribute('aria-activedescendant');
    expect(
      within(screen.getByRole('listbox'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Vehicle AvailableInquiry', 'Ask for AvailabilityInquiry']);
    await expectAnnounced('2 templates');
    // Esc closes and keeps the text; typing / again after a space reopens.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(field).toHaveValue('Hi /avail');
    expect(field).not.toHaveAttribute('aria-controls');
    await user.clear(field);
    await user.type(field, '/ask');
    await user.keyboard('{ArrowUp}{Enter}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(field).toHaveValue('Hello ABC Trucks, is the 2019 Scania R450 still available?');
    expect(field).toHaveFocus();
    await expectAnnounced('Template inserted');
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(mkLast(mock, 'conv_1002').content).toBe(
        'Hello ABC Trucks, is the 2019 Scania R450 still available?',
      ),
    );
    expect(mkLast(mock, 'conv_1002').templateId).toBe('tpl_6');
  });

  it('opens a searchable combobox from the Templates button; Esc returns to the button', async () => {
    const { user } = renderWithInbox(<Composer conversationId="conv_1002" />);
    const button = screen.getByRole('button', { name: 'Templates' });
    await user.click(button);
    const combo = screen.getByRole('combobox', { name: 'Search templates' });
    expect(combo).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(button).toHaveFocus();
    expect(screen.queryByRole('combobox')).toBeNull();
    await user.keyboard('{Enter}');
    await user.keyboard('viewing');
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Schedule a ViewingViewing']);
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('combobox')).toHaveAttribute('aria-activedescendant', options[0]!.id);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(messageField()).toHaveFocus());
    expect(messageField().value).toMatch(
      /^Hi Anna de Vries, you are welcome to view the 2019 Scania R450 at our yard\./,
    );
  });

  it('fills known variables, asks for the rest, previews, and sends as a template', async () => {
    const { user, transport, rerenderInbox } = renderWithInbox(<div />);
    await transport.createTemplate({
      name: 'Pickup day',
      category: 'other',
      content: 'Hi {{seller_name}}, can I pick up the {{vehicle_title}} on {{pickup_day}}?',
    });
    rerenderInbox(<Composer conversationId="conv_1002" />);
    await user.type(messageField(), '/pickup');
    await screen.findByRole('option', { name: /Pickup day/ });
    await user.keyboard('{Enter}');
    const form = await screen.findByRole('group', { name: 'Fill in the template Pickup day' });
    expect(within(form).getByRole('textbox', { name: "Seller's name" })).toHaveValue('ABC Trucks');
    expect(within(form).getByRole('textbox', { name: 'Vehicle' })).toHaveValue('2019 Scania R450');
    const day = within(form).getByRole('textbox', { name: 'pickup day' });
    expect(day).toHaveValue('');
    // The caret sits on the first unfilled placeholder.
    const field = messageField();
    await waitFor(() =>
      expect(field.value.slice(field.selectionStart, field.selectionEnd)).toBe('{{pickup_day}}'),
    );
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByText('Fill in: pickup day')).toBeInTheDocument();
    expect(day).toHaveFocus();
    expect(day).toHaveAccessibleDescription('Fill in: pickup day');
    await user.type(day, 'Friday');
    expect(
      within(form).getByText('Hi ABC Trucks, can I pick up the 2019 Scania R450 on Friday?'),
    ).toBeInTheDocument();
    expect(field).toHaveValue('Hi ABC Trucks, can I pick up the 2019 Scania R450 on Friday?');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(mkLast(mock, 'conv_1002').content).toBe(
        'Hi ABC Trucks, can I pick up the 2019 Scania R450 on Friday?',
      ),
    );
    expect(mkLast(mock, 'conv_1002').templateId).toMatch(/^tpl_/);
    expect(screen.queryByRole('group', { name: /Fill in the template/ })).toBeNull();
  });

  it('creates a template from the composer', async () => {
    const { user } = renderWithInbox(<Composer conversationId="conv_1002" />);
    const before = mock.ctx.db.marketplace.templates.length;
    const open = screen.getByRole('button', { name: 'New template' });
    await user.click(open);
    const dialog = await screen.findByRole('dialog', { name: 'New template' });
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveFocus();
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Transport question');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Category' }), 'Inquiry');
    const content = within(dialog).getByRole('textbox', { name: 'Text' });
    expect(content).toHaveAccessibleDescription(/Use \{\{vehicle_title\}\}/);
    await user.type(content, 'Can you deliver the ');
    await user.click(within(dialog).getByRole('button', { name: '{{vehicle_title}}' }));
    await user.type(content, '?');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(open).toHaveFocus();
    expect(mock.ctx.db.marketplace.templates.length).toBe(before + 1);
    expect(mock.ctx.db.marketplace.templates.at(-1)).toMatchObject({
      name: 'Transport question',
      category: 'inquiry',
      content: 'Can you deliver the {{vehicle_title}}?',
    });
    await user.click(screen.getByRole('button', { name: 'Templates' }));
    await user.keyboard('transport');
    expect(
      within(screen.getByRole('listbox')).getByRole('option', { name: /Transport question/ }),
    ).toBeInTheDocument();
  });

  it('sends a quick reply in one click', async () => {
    const { user } = renderWithInbox(<Composer conversationId="conv_1002" />);
    await user.type(messageField(), 'my draft');
    const group = await screen.findByRole('group', { name: 'Quick replies' });
    const reply = within(group).getByRole('button', {
      name: 'Hello ABC Trucks, is the 2019 Scania R450 still available?',
    });
    await user.click(reply);
    await waitFor(() =>
      expect(mkLast(mock, 'conv_1002').content).toBe(
        'Hello ABC Trucks, is the 2019 Scania R450 still available?',
      ),
    );
    expect(mkLast(mock, 'conv_1002').type).toBe('quick_reply');
    expect(messageField()).toHaveValue('my draft');
  });

  it('offers Shopmonkey canned messages in the same picker and sends one as plain text (no quick replies)', async () => {
    const { user, transport, rerenderInbox } = renderWithInbox(<div />, { as: 'staff' });
    rerenderInbox(<Composer conversationId={await smConversationId(transport, 'Priya Shah')} />);
    expect(screen.queryByRole('group', { name: 'Quick replies' })).toBeNull();
    await user.click(await screen.findByRole('button', { name: 'Templates' }));
    const names = within(await screen.findByRole('listbox'))
      .getAllByRole('option')
      .map((o) => o.textContent ?? '');
    expect(names.some((n) => n.startsWith('Running late'))).toBe(true);
    // soft-deleted canned messages are not offered
    expect(names.some((n) => n.startsWith('Old holiday hours'))).toBe(false);
    await user.keyboard('late');
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() =>
      expect(messageField().value).toBe(
        'Your repair is taking a little longer than planned. We will text you when it is done.',
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(smLast(mock, 'sm_cust_2').text).toBe(
        'Your repair is taking a little longer than planned. We will text you when it is done.',
      ),
    );
  });
});
