/**
 * The bench page: the reference server (large seed) in this page, one scenario per
 * load, and `window.__bench` for bench/run.ts to drive: mount → first rows painted,
 * DOM nodes, scroll end to end (long tasks, dropped frames), Enter → optimistic
 * message painted.
 *
 * Scenarios (`?s=`): `thread` and `inbox` load page by page through the mock worker.
 * `thread-full`/`inbox-full` (`&n=`) mount with n messages / conversations already in
 * the query cache (the whole history: the last page says there is no more), and
 * `thread-bare`/`inbox-bare` mount the control, a bare `@tanstack/react-virtual` list
 * of the same data (`control.tsx`).
 */
import { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { startMockWorker } from '../../src/mock/browser';
import { MessagingProvider } from '../../src/react/MessagingProvider';
import { ConversationThread } from '../../src/react/components/ConversationThread';
import { Composer } from '../../src/react/components/Composer';
import { Inbox } from '../../src/react/components/Inbox';
import { inboxKeys } from '../../src/react/queryKeys';
import { createMarketplaceTransport } from '../../src/transports/marketplace';
import type { Conversation, Message, Page } from '../../src/core/types';
import { BareInbox, BareThread } from './control';
import '../../src/react/styles/index.css';

const THREAD = 'conv_1001';
const USER = 'usr_buyer_1';
const params = new URLSearchParams(location.search);
const scenario = params.get('s') ?? 'thread';
const preloadN = Number(params.get('n')) || 0;
const isInbox = scenario.startsWith('inbox');
const isBare = scenario.endsWith('-bare');
const container = document.getElementById('root')!;

/** After the frame that shows the current DOM has been painted (rAF, then a task). */
function afterPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now());
      ch.port2.postMessage(null);
    }),
  );
}

/** Resolves when `selector` matches under the container. */
function whenPresent(selector: string): Promise<void> {
  return new Promise((resolve) => {
    if (container.querySelector(selector)) return resolve();
    const mo = new MutationObserver(() => {
      if (container.querySelector(selector)) {
        mo.disconnect();
        resolve();
      }
    });
    mo.observe(container, { childList: true, subtree: true });
  });
}

const rowSelector = isBare
  ? '[data-slot="bare-row"]'
  : isInbox
    ? '[role="grid"] [role="row"]'
    : '[data-slot="message"]';
const scrollerSelector = isBare
  ? '[data-slot="bare-scroller"]'
  : isInbox
    ? '[data-slot="inbox-list"]'
    : '[data-slot="thread-scroller"]';

await startMockWorker({
  seed: 1,
  size: 'large',
  knobs: { latencyMs: [0, 0], autoReply: false, deliveryDelayMs: 60_000 },
});

const transport = createMarketplaceTransport({
  baseUrl: `${location.origin}/v1`,
  getToken: () => 'mk_buyer_1',
});
const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
let root: Root | undefined;

/**
 * Fetches the newest `n` items through the transport, page by page, into the shape the
 * infinite queries cache (`pages[0]` newest), the last page marked as the end of history.
 */
async function preload<T>(
  n: number,
  list: (cursor: string | undefined) => Promise<Page<T>>,
  newestLast: boolean,
): Promise<{ pages: Array<Page<T>>; pageParams: Array<string | undefined> }> {
  const pages: Array<Page<T>> = [];
  const pageParams: Array<string | undefined> = [];
  let cursor: string | undefined;
  let count = 0;
  while (count < n) {
    const page = await list(cursor);
    pageParams.push(cursor);
    const take = Math.min(page.items.length, n - count);
    const items = newestLast ? page.items.slice(page.items.length - take) : page.items.slice(0, take);
    count += take;
    const last = count >= n || !page.hasMore || !page.next;
    const { next: _next, ...rest } = page;
    pages.push(last ? { ...rest, items, hasMore: false } : { ...page, items });
    if (last) break;
    cursor = page.next;
  }
  return { pages, pageParams };
}

const scope = `${transport.id}:${USER}`;
const inboxKey = inboxKeys.conversationList(scope, { filter: 'all', role: null, search: '' });
let preloaded: { messages: Message[]; conversations: Conversation[] } = { messages: [], conversations: [] };
if (preloadN > 0) {
  if (isInbox) {
    const data = await preload(
      preloadN,
      (cursor) => transport.listConversations({ filter: 'all', limit: 100, ...(cursor ? { cursor } : {}) }),
      false,
    );
    queryClient.setQueryData(inboxKey, data);
    preloaded = { messages: [], conversations: data.pages.flatMap((p) => p.items) };
  } else {
    const data = await preload(
      preloadN,
      (cursor) =>
        transport.listMessages({ conversationId: THREAD, limit: 100, ...(cursor ? { cursor } : {}) }),
      true,
    );
    queryClient.setQueryData(inboxKeys.messages(scope, THREAD), data);
    preloaded = { messages: [...data.pages].reverse().flatMap((p) => p.items), conversations: [] };
  }
}

function render(): void {
  root = createRoot(container);
  if (isBare) {
    root.render(
      <StrictMode>
        {isInbox ? (
          <BareInbox conversations={preloaded.conversations} />
        ) : (
          <BareThread messages={preloaded.messages} />
        )}
      </StrictMode>,
    );
    return;
  }
  root.render(
    <StrictMode>
      <MessagingProvider
        transport={transport}
        currentUser={{ id: USER, name: 'Anna de Vries' }}
        queryClient={queryClient}
        pollIntervalMs={false}
        storage={null}
      >
        {isInbox ? (
          <Inbox />
        ) : (
          <>
            <ConversationThread conversationId={THREAD} />
            <Composer conversationId={THREAD} />
          </>
        )}
      </MessagingProvider>
    </StrictMode>,
  );
}

/** Mount → first rows painted, and the DOM that is mounted then. */
async function mount(): Promise<{ firstPaintMs: number; rowsInDom: number; nodes: number }> {
  const t0 = performance.now();
  render();
  await whenPresent(rowSelector);
  const painted = await afterPaint();
  return {
    firstPaintMs: painted - t0,
    rowsInDom: container.querySelectorAll(rowSelector).length,
    nodes: container.querySelectorAll('*').length,
  };
}

/**
 * Mount → first rows painted, as {@link mount}, plus the long tasks from mount until
 * things settled (500 ms after the first paint) and the DOM then.
 */
async function mountMeasured(): Promise<{
  firstPaintMs: number;
  longTasks: number;
  longTaskTotalMs: number;
  longestTaskMs: number;
  nodes: number;
  rowsInDom: number;
}> {
  const tasks: PerformanceEntry[] = [];
  const po = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  po.observe({ type: 'longtask' });
  const t0 = performance.now();
  const { firstPaintMs } = await mount();
  const settled = await settledNodes();
  await new Promise((r) => setTimeout(r, 50));
  po.disconnect();
  const during = tasks.filter((t) => t.startTime + t.duration >= t0);
  return {
    firstPaintMs,
    longTasks: during.length,
    longTaskTotalMs: Math.round(during.reduce((s, t) => s + t.duration, 0)),
    longestTaskMs: Math.round(Math.max(0, ...during.map((t) => t.duration))),
    ...settled,
  };
}

/**
 * A fling across the whole list in `steps` frames (thread: bottom → top; inbox: top →
 * bottom), one step per animation frame: frames over 32 ms and long tasks meanwhile.
 */
async function scrollSteps(steps = 40): Promise<{
  frames: number;
  slowFrames: number;
  longestFrameMs: number;
  longTasks: number;
  longTasksOver50: number;
  longestTaskMs: number;
  longTaskTotalMs: number;
  reachedEnd: boolean;
  maxNodes: number;
}> {
  const scroller = container.querySelector<HTMLElement>(scrollerSelector)!;
  const up = !isInbox;
  const tasks: PerformanceEntry[] = [];
  const po = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  po.observe({ type: 'longtask' });
  const frames: number[] = [];
  let maxNodes = 0;
  const from = scroller.scrollTop;
  const span = up ? from : scroller.scrollHeight - scroller.clientHeight - from;
  const t0 = performance.now();
  await new Promise<void>((done) => {
    let i = 0;
    const tick = (ts: number) => {
      frames.push(ts);
      maxNodes = Math.max(maxNodes, container.querySelectorAll('*').length);
      if (i === steps) return done();
      i += 1;
      scroller.scrollTop = up ? Math.round(from - (span * i) / steps) : Math.round(from + (span * i) / steps);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const t1 = performance.now();
  await afterPaint();
  await new Promise((r) => setTimeout(r, 100));
  po.disconnect();
  const during = tasks.filter((t) => t.startTime + t.duration >= t0 && t.startTime <= t1);
  const deltas = frames.slice(1).map((f, k) => f - frames[k]!);
  return {
    frames: deltas.length,
    slowFrames: deltas.filter((d) => d > 32).length,
    longestFrameMs: Math.round(Math.max(0, ...deltas)),
    longTasks: during.length,
    longTasksOver50: during.filter((t) => t.duration > 50).length,
    longestTaskMs: Math.round(Math.max(0, ...during.map((t) => t.duration))),
    longTaskTotalMs: Math.round(during.reduce((s, t) => s + t.duration, 0)),
    reachedEnd: up
      ? scroller.scrollTop <= 1
      : scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2,
    maxNodes,
  };
}

function unmount(): void {
  root?.unmount();
  root = undefined;
}

/** Nodes once things settled (after the first paint the list may still measure and grow). */
async function settledNodes(): Promise<{ nodes: number; rowsInDom: number }> {
  await new Promise((r) => setTimeout(r, 500));
  await afterPaint();
  return {
    nodes: container.querySelectorAll('*').length,
    rowsInDom: container.querySelectorAll(rowSelector).length,
  };
}

interface ScrollResult {
  durationMs: number;
  frames: number;
  droppedFrames: number;
  longestFrameMs: number;
  longTasks: number;
  longTasksOver50: number;
  longestTaskMs: number;
  longTaskTotalMs: number;
  reachedEnd: boolean;
  itemsLoaded: number;
  maxNodes: number;
}

/**
 * Scrolls end to end, one step per animation frame (thread: bottom → top, paging back
 * in time; inbox: top → bottom, paging forward), waiting at the edge while a page loads.
 * Done when the edge is reached and nothing more arrives for `idleMs`.
 */
async function scroll(stepPx: number, maxMs: number, idleMs = 1500): Promise<ScrollResult> {
  const scroller = container.querySelector<HTMLElement>(scrollerSelector)!;
  const up = !isInbox;
  const tasks: PerformanceEntry[] = [];
  const po = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  po.observe({ type: 'longtask' });
  const frames: number[] = [];
  let maxNodes = 0;
  const t0 = performance.now();
  let lastGrowth = t0;
  let lastHeight = scroller.scrollHeight;
  let reachedEnd = false;
  await new Promise<void>((done) => {
    const tick = (ts: number) => {
      frames.push(ts);
      const now = performance.now();
      if (scroller.scrollHeight !== lastHeight) {
        lastHeight = scroller.scrollHeight;
        lastGrowth = now;
      }
      const atEdge = up
        ? scroller.scrollTop <= 1
        : scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
      if (atEdge && now - lastGrowth > idleMs) {
        reachedEnd = true;
        return done();
      }
      if (now - t0 > maxMs) return done();
      if (!atEdge) scroller.scrollTop += up ? -stepPx : stepPx;
      if (frames.length % 30 === 0) maxNodes = Math.max(maxNodes, container.querySelectorAll('*').length);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  // Let the observer deliver the last entries.
  await new Promise((r) => setTimeout(r, 100));
  po.disconnect();
  const end = performance.now() - idleMs;
  const during = tasks.filter((t) => t.startTime >= t0 && t.startTime <= end);
  let dropped = 0;
  let longestFrame = 0;
  for (let i = 1; i < frames.length; i += 1) {
    const d = frames[i]! - frames[i - 1]!;
    longestFrame = Math.max(longestFrame, d);
    dropped += Math.max(0, Math.round(d / (1000 / 60)) - 1);
  }
  const scrolled = frames.filter((f) => f <= end);
  return {
    durationMs: Math.round(performance.now() - t0),
    frames: scrolled.length,
    droppedFrames: dropped,
    longestFrameMs: Math.round(longestFrame),
    longTasks: during.length,
    longTasksOver50: during.filter((t) => t.duration > 50).length,
    longestTaskMs: Math.round(Math.max(0, ...during.map((t) => t.duration))),
    longTaskTotalMs: Math.round(during.reduce((s, t) => s + t.duration, 0)),
    reachedEnd,
    itemsLoaded: itemsLoaded(),
    maxNodes,
  };
}

/** How many messages / conversations the cache holds. */
function itemsLoaded(): number {
  let n = 0;
  for (const q of queryClient.getQueryCache().getAll()) {
    const data = q.state.data as { pages?: Array<{ items: unknown[] }> } | undefined;
    const key = JSON.stringify(q.queryKey);
    if (data?.pages && (scenario === 'inbox' ? key.includes('conversation') : key.includes('messages')))
      n += data.pages.reduce((s, p) => s + p.items.length, 0);
  }
  return n;
}

/** Arms the Enter → optimistic paint measurement for a message with `text`. */
function armSend(text: string): void {
  const w = window as unknown as {
    __send?: Promise<{ keyToDomMs: number; keyToFrameMs: number; keyToPaintMs: number }>;
  };
  w.__send = new Promise((resolve) => {
    let keyAt = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter') keyAt = e.timeStamp;
    };
    document.addEventListener('keydown', onKey, { capture: true, once: true });
    const mo = new MutationObserver(() => {
      const node = [...container.querySelectorAll('[data-slot="message"]')].find((el) =>
        el.textContent?.includes(text),
      );
      if (!node || !keyAt) return;
      mo.disconnect();
      const inDom = performance.now();
      // The frame that shows the node starts with the next rAF; the paint itself follows it.
      requestAnimationFrame(() => {
        const frame = performance.now();
        void afterPaint().then((painted) =>
          resolve({ keyToDomMs: inDom - keyAt, keyToFrameMs: frame - keyAt, keyToPaintMs: painted - keyAt }),
        );
      });
    });
    mo.observe(container, { childList: true, subtree: true, characterData: true });
  });
}

Object.assign(window, {
  __bench: {
    scenario,
    mount,
    mountMeasured,
    unmount,
    settledNodes,
    scroll,
    scrollSteps,
    armSend,
    itemsLoaded,
    ready: true,
  },
});
