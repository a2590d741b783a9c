import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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

const png = (name = 'cab.png', size = 1234) => {
  const f = new File([new Uint8Array(16)], name, { type: 'image/png' });
  Object.defineProperty(f, 'size', { value: size });
  return f;
};
const pdf = (name = 'invoice.pdf') => new File(['%PDF-1.4'], name, { type: 'application/pdf' });
const fileInput = (container: HTMLElement) =>
  container.querySelector<HTMLInputElement>('input[type="file"]')!;

let urls = 0;
let revokeObjectURL = vi.fn<(url: string) => void>();
beforeEach(() => {
  urls = 0;
  // jsdom has no object URLs.
  URL.createObjectURL = vi.fn(() => `blob:${location.origin}/thumb-${++urls}`);
  revokeObjectURL = vi.fn<(url: string) => void>();
  URL.revokeObjectURL = revokeObjectURL;
});
afterEach(() => vi.restoreAllMocks());

describe('Composer: attachments', () => {
  it('shows picked files as chips, announces them, and moves focus sensibly on removal', async () => {
    const { user, container } = renderWithInbox(<Composer conversationId="conv_1002" />);
    await user.click(screen.getByRole('button', { name: 'Attach files' }));
    await user.upload(fileInput(container), [png('cab.png'), pdf('invoice.pdf'), pdf('service.pdf')]);
    await expectAnnounced('3 files attached');
    const chips = screen.getAllByRole('listitem');
    expect(chips).toHaveLength(3);
    expect(chips[0]!.querySelector('img')).toHaveAttribute('src', `blob:${location.origin}/thumb-1`);
    expect(within(chips[1]!).getByText('PDF, 8 B')).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);
    // The first chip goes: focus moves to the next chip's button, and the thumbnail URL is revoked.
    await user.click(screen.getByRole('button', { name: 'Remove cab.png' }));
    expect(revokeObjectURL).toHaveBeenCalledWith(`blob:${location.origin}/thumb-1`);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Remove invoice.pdf' })).toHaveFocus());
    // The last chip goes: focus moves to the previous one; then the only one: back to the textarea.
    await user.click(screen.getByRole('button', { name: 'Remove service.pdf' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Remove invoice.pdf' })).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(messageField()).toHaveFocus());
    expect(screen.queryByRole('listitem')).toBeNull();
  });

  it('refuses files that are too big, of the wrong type, or too many, before any upload', async () => {
    const { container } = renderWithInbox(<Composer conversationId="conv_1002" />);
    const user = userEvent.setup({ applyAccept: false });
    await user.upload(fileInput(container), [
      png('huge.png', 11 * 1024 * 1024),
      new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }),
      png('ok.png'),
    ]);
    expect(screen.getByText('huge.png is larger than 10 MB.')).toBeInTheDocument();
    expect(screen.getByText('setup.exe: this file type is not allowed.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove ok.png' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Attach files' })).toHaveAccessibleDescription(
      /huge\.png is larger than 10 MB\./,
    );
    await user.upload(
      fileInput(container),
      [1, 2, 3, 4, 5].map((i) => pdf(`doc-${i}.pdf`)),
    );
    expect(screen.getByText('At most 5 files per message.')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Remove / })).toHaveLength(5);
    expect(screen.queryByRole('button', { name: 'Remove doc-5.pdf' })).toBeNull();
  });

  it('accepts dropped and pasted images', async () => {
    const { user } = renderWithInbox(<Composer conversationId="conv_1002" />);
    const zone = document.querySelector('[data-slot="composer-dropzone"]')!;
    fireEvent.drop(zone, { dataTransfer: { files: [pdf('dropped.pdf')], types: ['Files'] } });
    expect(await screen.findByRole('button', { name: 'Remove dropped.pdf' })).toBeInTheDocument();
    await user.click(messageField());
    fireEvent.paste(messageField(), { clipboardData: { files: [png('pasted.png')], getData: () => '' } });
    expect(await screen.findByRole('button', { name: 'Remove pasted.png' })).toBeInTheDocument();
  });

  it('sends an image with text as multipart (marketplace)', async () => {
    const { user, container } = renderWithInbox(<Composer conversationId="conv_1002" />);
    await user.upload(fileInput(container), [png('front.png')]);
    await user.type(messageField(), 'Photo of the damage{Enter}');
    await waitFor(() => expect(mkLast(mock, 'conv_1002').content).toBe('Photo of the damage'));
    const sent = mkLast(mock, 'conv_1002');
    expect(sent.type).toBe('image');
    // jsdom's File loses its name inside Node's multipart encoder, so check what survives: one PNG.
    expect(sent.attachments.map((a) => a.mimeType)).toEqual(['image/png']);
    expect(screen.queryByRole('button', { name: 'Remove front.png' })).toBeNull();
    expect(messageField()).toHaveFocus();
  });

  it('uploads first, then sends the file ids in order (Shopmonkey)', async () => {
    const { user, container, transport, rerenderInbox } = renderWithInbox(<div />, { as: 'staff' });
    const id = await smConversationId(transport, 'Jamie Rivera');
    rerenderInbox(<Composer conversationId={id} />);
    await user.upload(fileInput(container), [
      pdf('estimate.pdf'),
      png('before.png'),
      new File(['jpg'], 'after.jpg', { type: 'image/jpeg' }),
    ]);
    await user.type(messageField(), 'Paperwork and photos');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(smLast(mock, 'sm_cust_1').text).toBe('Paperwork and photos'));
    // Names do not survive jsdom's File in Node's multipart encoder; the types show the order.
    expect(smLast(mock, 'sm_cust_1').files.map((f) => f.fileType)).toEqual([
      'application/pdf',
      'image/png',
      'image/jpeg',
    ]);
    expect(messageField()).toHaveFocus();
  });
});
