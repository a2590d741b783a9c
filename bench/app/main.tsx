/**
 * The bench page: the reference server (large seed) in this page, one scenario per
 * load (`?s=thread|inbox`), and `window.__bench` for bench/run.ts to drive:
 * mount → first rows painted, DOM nodes, scroll end to end (long tasks, dropped
 * frames), Enter → optimistic message painted.
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
import { createMarketplaceTransport } from '../../src/transports/marketplace';
import '../../src/react/styles/index.css';

const THREAD = 'conv_1001';
const scenario = new URLSearchParams(location.search).get('s') ?? 'thread';
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

const rowSelector = scenario === 'inbox' ? '[role="grid"] [role="row"]' : '[data-slot="message"]';
const scrollerSelector = scenario === 'inbox' ? '[data-slot="inbox-list"]' : '[data-slot="thread-scroller"]';

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

function render(): void {
  root = createRoot(container);
  root.render(
    <StrictMode>
      <MessagingProvider
        transport={transport}
        currentUser={{ id: 'usr_buyer_1', name: 'Anna de Vries' }}
        queryClient={queryClient}
        pollIntervalMs={false}
        storage={null}
      >
        {scenario === 'inbox' ? (
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
  const up = scenario !== 'inbox';
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
  __bench: { scenario, mount, unmount, settledNodes, scroll, armSend, itemsLoaded, ready: true },
});
