import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations, renderWithInbox, setupMockServer } from '../../../../test/harness';
import { Composer } from './index';
import {
  expectAnnounced,
  messageField,
  mkCount,
  mkLast,
  smConversationId,
  smCount,
} from '../../../../test/composerTestUtils';

const mock = setupMockServer();

describe('Composer: text', () => {
  it('sends with Enter, clears the field and keeps focus there (marketplace)', async () => {
    const before = mkCount(mock, 'conv_1002');
    const { user, container, transport } = renderWithInbox(<Composer conversationId="conv_1002" />);
    const field = messageField();
    expect(field).toHaveAccessibleDescription(/Enter sends, Shift\+Enter new line, \/ templates\./);
    expect(await axeViolations(container)).toEqual([]);
    await user.click(field);
    await user.type(field, 'Is the Scania still available?{Enter}');
    await waitFor(() => expect(mkCount(mock, 'conv_1002')).toBe(before + 1));
    expect(mkLast(mock, 'conv_1002').content).toBe('Is the Scania still available?');
    expect(field).toHaveValue('');
    expect(field).toHaveFocus();
    const page = await transport.listMessages({ conversationId: 'conv_1002' });
    expect(page.items.at(-1)?.text).toBe('Is the Scania still available?');
  });

  it('sends with Enter (Shopmonkey) and Shift+Enter adds a line', async () => {
    const { transport, rerenderInbox, user: u2 } = renderWithInbox(<div />, { as: 'staff' });
    const id = await smConversationId(transport, 'Priya Shah');
    rerenderInbox(<Composer conversationId={id} />);
    const before = smCount(mock, 'sm_cust_2');
    const field = messageField();
    await u2.click(field);
    await u2.type(field, 'Line one{Shift>}{Enter}{/Shift}Line two');
    expect(field).toHaveValue('Line one\nLine two');
    expect(smCount(mock, 'sm_cust_2')).toBe(before);
    await u2.keyboard('{Enter}');
    await waitFor(() => expect(smCount(mock, 'sm_cust_2')).toBe(before + 1));
    expect(mock.ctx.db.shopmonkey.messagesByCustomer.get('sm_cust_2')!.at(-1)!.text).toBe(
      'Line one\nLine two',
    );
  });

  it('never sends while an IME is composing', async () => {
    const before = mkCount(mock, 'conv_1002');
    const { user } = renderWithInbox(<Composer conversationId="conv_1002" />);
    const field = messageField();
    await user.type(field, 'にほん');
    fireEvent.compositionStart(field);
    fireEvent.keyDown(field, { key: 'Enter', isComposing: true });
    fireEvent.keyDown(field, { key: 'Enter', keyCode: 229 });
    fireEvent.compositionEnd(field);
    await new Promise((r) => setTimeout(r, 50));
    expect(mkCount(mock, 'conv_1002')).toBe(before);
    expect(field).toHaveValue('にほん');
  });

  it('disables Send when empty and over the limit, and shows the counter from 90%', async () => {
    const { user } = renderWithInbox(<Composer conversationId="conv_1002" />);
    const send = screen.getByRole('button', { name: 'Send' });
    expect(send).toBeDisabled();
    const field = messageField();
    await user.type(field, '   ');
    expect(send).toBeDisabled();
    fireEvent.change(field, { target: { value: 'a'.repeat(4499) } });
    expect(screen.queryByText(/characters left/)).toBeNull();
    fireEvent.change(field, { target: { value: 'a'.repeat(4500) } });
    expect(screen.getByText('500 characters left', { selector: 'p' })).toBeInTheDocument();
    expect(send).toBeEnabled();
    fireEvent.change(field, { target: { value: 'a'.repeat(5003) } });
    expect(screen.getByText('3 characters over the limit', { selector: 'p' })).toBeInTheDocument();
    expect(send).toBeDisabled();
    await expectAnnounced('3 characters over the limit');
  });
});
