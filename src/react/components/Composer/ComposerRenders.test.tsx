import { Profiler } from 'react';
import type { ReactNode } from 'react';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithInbox, setupMockServer } from '../../../../test/harness';
import {
  AttachButton,
  AttachmentChips,
  ComposerInput,
  ComposerRoot,
  ComposerStatus,
  QuickReplies,
  SendButton,
  TemplatePicker,
} from './index';

const mock = setupMockServer();

/** Counts the commits each part takes part in. */
function counting() {
  const renders = new Map<string, number>();
  const Count = ({ id, children }: { id: string; children: ReactNode }) => (
    <Profiler id={id} onRender={() => renders.set(id, (renders.get(id) ?? 0) + 1)}>
      {children}
    </Profiler>
  );
  return { renders, Count };
}

describe('Composer: typing re-renders only what shows the text', () => {
  it('the field, Send and the status line re-render per keystroke; attach, templates, chips and quick replies do not', async () => {
    const { renders, Count } = counting();
    const { user, queryClient } = renderWithInbox(
      <ComposerRoot conversationId="conv_1002">
        <Count id="chips">
          <AttachmentChips />
        </Count>
        <Count id="attach">
          <AttachButton />
        </Count>
        <Count id="templates">
          <TemplatePicker />
        </Count>
        <Count id="input">
          <ComposerInput />
        </Count>
        <Count id="send">
          <SendButton />
        </Count>
        <ComposerStatus />
        <Count id="quick">
          <QuickReplies replies={['Yes', 'No']} />
        </Count>
      </ComposerRoot>,
    );
    const field = await screen.findByRole('textbox', { name: 'Message' });
    await waitFor(() => expect(screen.getByRole('button', { name: /templates/i })).toBeInTheDocument());
    // Settled: the conversation (names for template variables) has loaded.
    await waitFor(() =>
      expect(
        queryClient.getQueryCache().findAll({ predicate: (q) => q.state.fetchStatus === 'fetching' }),
      ).toEqual([]),
    );
    await user.click(field);
    const before = new Map(renders);
    await user.type(field, 'Hello there');
    const grew = (id: string) => (renders.get(id) ?? 0) - (before.get(id) ?? 0);
    expect(grew('input')).toBeGreaterThanOrEqual('Hello there'.length);
    expect(grew('attach')).toBe(0);
    expect(grew('templates')).toBe(0);
    expect(grew('chips')).toBe(0);
    expect(grew('quick')).toBe(0);
    // Send re-renders only when "can send" flips, not per keystroke.
    expect(grew('send')).toBeLessThanOrEqual(1);
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(mock.ctx.db.marketplace.messages.get('conv_1002')?.at(-1)?.content).toBe('Hello there'),
    );
  });
});
