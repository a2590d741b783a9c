import { act, screen, waitFor, within } from '@testing-library/react';
import { createRef } from 'react';
import { axeViolations, renderWithInbox, setupMockServer } from '../../../../test/harness';
import { mockInboxLayout } from '../../../../test/inboxLayout';
import { InboxLayout } from '.';
import type { InboxLayoutHandle } from '.';

setupMockServer();

/**
 * jsdom has no layout and no ResizeObserver: a fake observer reports the
 * width each test sets, as a browser would for the layout's root.
 */
let width = 1024;
const observers = new Set<{ cb: ResizeObserverCallback; el: Element; self: ResizeObserver }>();
class FakeResizeObserver {
  constructor(private cb: ResizeObserverCallback) {}
  observe(el: Element) {
    const entry = { cb: this.cb, el, self: this as unknown as ResizeObserver };
    observers.add(entry);
    report(entry);
  }
  unobserve() {}
  disconnect() {
    for (const o of observers) if (o.self === (this as unknown as ResizeObserver)) observers.delete(o);
  }
}
function report(o: { cb: ResizeObserverCallback; el: Element; self: ResizeObserver }) {
  o.cb(
    [
      {
        target: o.el,
        contentRect: { width, height: 560 } as DOMRectReadOnly,
        contentBoxSize: [{ inlineSize: width, blockSize: 560 }],
      } as unknown as ResizeObserverEntry,
    ],
    o.self,
  );
}
function resizeTo(next: number) {
  width = next;
  act(() => {
    for (const o of observers) report(o);
  });
}

let restoreLayout: () => void;
beforeAll(() => {
  // The thread's scroller gets a viewport too, so its feed renders articles.
  restoreLayout = mockInboxLayout(600, 84, {
    'thread-scroller': { clientHeight: 2400, scrollHeight: 20000 },
  });
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
});
afterAll(() => {
  restoreLayout();
  vi.unstubAllGlobals();
});
afterEach(() => observers.clear());

const listPane = () => document.querySelector<HTMLElement>('[data-pane="list"]')!;
const threadPane = () => document.querySelector<HTMLElement>('[data-pane="thread"]')!;
const rowButton = (name: RegExp) => within(listPane()).findByRole('button', { name });

describe('InboxLayout', () => {
  it('shows both panes side by side in a wide container; opening moves focus to the composer', async () => {
    width = 1024;
    const { user, container } = renderWithInbox(<InboxLayout />, { as: 'buyer' });
    const root = container.querySelector('[data-slot="inbox-layout"]')!;
    expect(root).toHaveAttribute('data-layout', 'wide');
    expect(screen.getByRole('region', { name: 'Conversations' })).toBe(listPane());
    expect(screen.queryByRole('main')).toBeNull();
    expect(threadPane()).not.toHaveAttribute('hidden');
    expect(within(threadPane()).getByText('Select a conversation to read it.')).toBeInTheDocument();
    // List before thread in the DOM.
    expect(listPane().compareDocumentPosition(threadPane()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await user.click(await rowButton(/^Jan Bakker, 1 unread/));
    await waitFor(
      () => expect(within(threadPane()).getByRole('textbox', { name: 'Message' })).toHaveFocus(),
      { timeout: 3000 },
    );
    expect(listPane()).not.toHaveAttribute('hidden');
    expect(within(threadPane()).getByRole('heading', { level: 2, name: /Jan Bakker/ })).toBeInTheDocument();
    expect(within(threadPane()).queryByRole('button', { name: 'Back to conversations' })).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows one pane at a time in a narrow container, with Back returning focus to the originating row', async () => {
    width = 360;
    const { user, container } = renderWithInbox(<InboxLayout />, { as: 'staff' });
    const root = container.querySelector('[data-slot="inbox-layout"]')!;
    expect(root).toHaveAttribute('data-layout', 'narrow');
    expect(threadPane()).toHaveAttribute('hidden');
    expect(threadPane()).toHaveAttribute('inert');
    expect(listPane()).not.toHaveAttribute('hidden');

    await user.click(await rowButton(/^Priya Shah/));
    await waitFor(() => expect(listPane()).toHaveAttribute('hidden'));
    expect(listPane()).toHaveAttribute('inert');
    // Still mounted while hidden.
    expect(listPane().querySelector('[data-slot="inbox-list"]')).not.toBeNull();
    expect(threadPane()).not.toHaveAttribute('hidden');
    await waitFor(
      () => expect(within(threadPane()).getByRole('textbox', { name: 'Message' })).toHaveFocus(),
      { timeout: 3000 },
    );
    const back = within(threadPane()).getAllByRole('button')[0]!;
    expect(back).toHaveAccessibleName('Back to conversations');
    expect(await axeViolations(container)).toEqual([]);

    await user.click(back);
    await waitFor(() => expect(threadPane()).toHaveAttribute('hidden'));
    await waitFor(() =>
      expect(within(listPane()).getByRole('button', { name: /^Priya Shah/ })).toHaveFocus(),
    );
  });

  it('returns to the list on Escape and on the browser Back in a narrow container', async () => {
    width = 360;
    const { user } = renderWithInbox(<InboxLayout />, { as: 'staff' });
    const composerFocused = () =>
      waitFor(() => expect(within(threadPane()).getByRole('textbox', { name: 'Message' })).toHaveFocus(), {
        timeout: 3000,
      });
    const backAtRow = async () => {
      await waitFor(() => expect(threadPane()).toHaveAttribute('hidden'));
      await waitFor(() =>
        expect(within(listPane()).getByRole('button', { name: /^Priya Shah/ })).toHaveFocus(),
      );
    };
    await user.click(await rowButton(/^Priya Shah/));
    await composerFocused();
    // Opening added a history entry of the layout's own.
    expect((window.history.state as { inboxKitThread?: unknown }).inboxKitThread).toEqual(expect.any(String));
    await user.keyboard('{Escape}');
    await backAtRow();

    await user.keyboard('{Enter}');
    await composerFocused();
    window.history.back();
    await backAtRow();
    expect(listPane()).not.toHaveAttribute('hidden');
  });

  it('switches layout when the container resizes, moving focus out of a pane that becomes hidden', async () => {
    width = 1024;
    const { user, container } = renderWithInbox(<InboxLayout />, { as: 'buyer' });
    await user.click(await rowButton(/^Dirk Transport/));
    await waitFor(
      () => expect(within(threadPane()).getByRole('textbox', { name: 'Message' })).toHaveFocus(),
      { timeout: 3000 },
    );
    // Back to the list with the keyboard, then the container shrinks while the thread is the open view.
    within(listPane())
      .getByRole('button', { name: /^Dirk Transport/ })
      .focus();
    resizeTo(400);
    expect(container.querySelector('[data-slot="inbox-layout"]')).toHaveAttribute('data-layout', 'narrow');
    expect(listPane()).toHaveAttribute('hidden');
    await waitFor(() =>
      expect(within(threadPane()).getByRole('heading', { level: 2, name: /Dirk Transport/ })).toHaveFocus(),
    );
    resizeTo(900);
    expect(listPane()).not.toHaveAttribute('hidden');
    expect(threadPane()).not.toHaveAttribute('hidden');
  });

  it('exposes focusPane for skip links and follows a controlled value', async () => {
    width = 1024;
    const ref = createRef<InboxLayoutHandle>();
    const onValueChange = vi.fn();
    const { user } = renderWithInbox(
      <InboxLayout ref={ref} value="conv_1003" onValueChange={onValueChange} />,
      { as: 'buyer' },
    );
    await within(threadPane()).findByRole('heading', { level: 2, name: /Van Centrum BV/ });
    expect(await rowButton(/^Van Centrum BV, Van Centrum BV: No known/)).toHaveAttribute(
      'aria-current',
      'true',
    );
    act(() => ref.current!.focusPane('composer'));
    await waitFor(
      () => expect(within(threadPane()).getByRole('textbox', { name: 'Message' })).toHaveFocus(),
      { timeout: 3000 },
    );
    act(() => ref.current!.focusPane('thread'));
    await waitFor(() =>
      expect(within(threadPane()).getByRole('heading', { level: 2, name: /Van Centrum BV/ })).toHaveFocus(),
    );
    act(() => ref.current!.focusPane('list'));
    await waitFor(() =>
      expect(
        within(listPane()).getByRole('button', { name: /^Van Centrum BV, Van Centrum BV: No known/ }),
      ).toHaveFocus(),
    );
    await user.keyboard('{ArrowUp}{Enter}');
    expect(onValueChange).toHaveBeenCalledWith('conv_1002');
  });

  it('opens straight to the thread in a narrow container when a conversation is already selected (deep link, reload)', async () => {
    width = 360;
    renderWithInbox(<InboxLayout defaultValue="conv_1001" />, { as: 'buyer' });
    await waitFor(() => expect(threadPane()).not.toHaveAttribute('hidden'));
    expect(listPane()).toHaveAttribute('hidden');
    expect(
      await within(threadPane()).findByRole('heading', { level: 2, name: /ABC Trucks/ }),
    ).toBeInTheDocument();
    // Back still leads to the list.
    await screen.findByRole('button', { name: 'Back to conversations' }).then((b) => b.click());
    await waitFor(() => expect(listPane()).not.toHaveAttribute('hidden'));
  });

  it('takes custom thread and composer slots', async () => {
    width = 1024;
    const { user } = renderWithInbox(
      <InboxLayout
        renderThread={(id) => (
          <section aria-label="Custom thread">
            <h2 tabIndex={-1}>Thread {id}</h2>
          </section>
        )}
        renderComposer={null}
      />,
      { as: 'buyer' },
    );
    await user.click(await rowButton(/^Jan Bakker/));
    // Read-only (no composer): focus goes to the thread heading.
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Thread conv_1006' })).toHaveFocus(), {
      timeout: 3000,
    });
  });
});
