// @vitest-environment node
/**
 * Every component renders with `react-dom/server` in plain Node, the way a
 * Next.js-style host renders it: no `window`, no `document`. Any render-time
 * access to either throws a ReferenceError here and fails the case.
 */
import { describe, expect, it } from 'vitest';
import { setupMockServer } from '../harness';
import { SSR_CASES, renderOnServer } from './serverRender';

setupMockServer();

describe('server rendering (node, no DOM)', () => {
  it('runs without window or document', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it.each(Object.keys(SSR_CASES))('%s renders to a string, empty and with a filled cache', async (name) => {
    const result = await renderOnServer(name);
    expect(result.emptyHtml.length).toBeGreaterThan(0);
    expect(result.html.length).toBeGreaterThan(0);
    expect(result.queries).toBeGreaterThan(0);
    // Still no DOM after rendering (nothing polyfilled one as a side effect).
    expect(typeof window).toBe('undefined');
  });

  it('renders real data once the cache is filled', async () => {
    // The virtualized lists have no viewport on the server, so they render their sizer and
    // counts but no rows yet; the counts show the data arrived.
    const inbox = await renderOnServer('Inbox');
    expect(inbox.html).toMatch(/aria-rowcount="[1-9]/);
    const thread = await renderOnServer('ConversationThread');
    expect(thread.html).not.toBe(thread.emptyHtml);
    const layout = await renderOnServer('InboxLayout');
    expect(layout.html).toMatch(/aria-rowcount="[1-9]/);
  });
});
