/// <reference types="vite/client" />
/**
 * Every story is a test. Each `stories/*.stories.tsx` is composed with the
 * project's annotations (the same InboxFrame decorator, globals and
 * parameters as Storybook) and run in jsdom against the Node reference
 * server: loaders, render, then the story's `play` if it has one.
 *
 * A story passes when it renders without an uncaught error, React reports no
 * render error, no request misses the reference server, some content shows,
 * and its play function (if any) passes. New story files are picked up by
 * the glob; a file that fails to import fails as one test named after it.
 * Axe with colour contrast runs on every story in Chromium (`npm run test:e2e`).
 */
import { composeStories } from '@storybook/react-vite';
import type { composeStory } from '@storybook/react-vite';
import type { Loader } from '@storybook/react-vite';
import { waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { STORY_DB, baseAnnotations } from '../.storybook/annotations';
import { createKnobs } from '../src/mock/knobs';
import { createMockServer } from '../src/mock/node';

type StoryFile = Parameters<typeof composeStories>[0];
type ComposedStory = ReturnType<typeof composeStory>;

// Node knobs: no latency; auto-replies and deliveries stay on, as in Storybook.
const mock = createMockServer({ ...STORY_DB });
const nodeKnobs = { ...mock.ctx.knobs };

/** Resets the Node reference server per story and applies `parameters.mockKnobs` and `parameters.msw`. */
const referenceServerLoader: Loader = async (context) => {
  mock.reset();
  Object.assign(mock.ctx.knobs, createKnobs({ ...nodeKnobs, ...context.parameters.mockKnobs }));
  const msw = context.parameters.msw as unknown;
  const handlers = Array.isArray(msw)
    ? msw
    : msw && typeof msw === 'object' && 'handlers' in msw
      ? msw.handlers
      : [];
  const list = (Array.isArray(handlers) ? handlers : Object.values(handlers ?? {})).flat().filter(Boolean);
  if (list.length > 0) mock.use(...(list as Parameters<typeof mock.use>));
  return {};
};

const annotations = { ...baseAnnotations, loaders: [referenceServerLoader] };

// Imported one by one so a file that fails to compile fails alone, named, instead of taking every story down.
const files = import.meta.glob<StoryFile>('./*.stories.tsx');
const loaded = await Promise.all(
  Object.entries(files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(async ([path, load]) => {
      try {
        return { path, module: await load() };
      } catch (error) {
        return { path, error };
      }
    }),
);

/** Errors that mean a story is broken even when nothing throws at the test. */
function watchErrors() {
  const errors: string[] = [];
  const original = console.error;
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    const text = args
      .map((a) => (a instanceof Error ? `${a.message}\n${a.stack ?? ''}` : String(a)))
      .join(' ');
    if (
      /An error occurred in the <|The above error occurred|Uncaught|\[MSW\]|without a matching request handler/.test(
        text,
      )
    )
      errors.push(text.slice(0, 1200));
    original(...(args as []));
  });
  const onError = (e: ErrorEvent) => errors.push(`window error: ${e.message}`);
  window.addEventListener('error', onError);
  return {
    errors,
    stop() {
      spy.mockRestore();
      window.removeEventListener('error', onError);
    },
  };
}

/** Text a person would see: everything except screen-reader-only and hidden parts (the announcer's regions). */
function visibleContent(root: HTMLElement): boolean {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node instanceof Element ? node : node.parentElement;
    if (!el || el.closest('.ik-sr-only, [hidden], [aria-hidden="true"], [role="status"], [role="alert"]'))
      continue;
    if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) return true;
    if (
      node instanceof Element &&
      node.matches('img, svg, input, textarea, select, button, progress, [role="progressbar"], [data-slot]')
    )
      return true;
  }
  return false;
}

/**
 * jsdom has no layout, so a virtualized list sees a 0-px viewport and renders
 * no rows. Give every element a plausible box instead: @tanstack/react-virtual
 * reads a scroller's `clientHeight` and a row's `offsetHeight`. Real layout
 * is checked in Chromium.
 */
function fakeLayout(): () => void {
  const proto = HTMLElement.prototype;
  const sizes = { clientHeight: 600, clientWidth: 800, offsetHeight: 72, offsetWidth: 800 } as const;
  const saved = Object.keys(sizes).map((key) => [key, Object.getOwnPropertyDescriptor(proto, key)] as const);
  for (const [key, value] of Object.entries(sizes))
    Object.defineProperty(proto, key, { configurable: true, get: () => value });
  return () => {
    for (const [key, descriptor] of saved) if (descriptor) Object.defineProperty(proto, key, descriptor);
  };
}

let restoreLayout: () => void = () => {};
beforeAll(() => {
  restoreLayout = fakeLayout();
  mock.listen();
});
afterAll(() => {
  mock.close();
  restoreLayout();
});

it('finds the story files', () => {
  expect(loaded.length).toBeGreaterThan(0);
});

for (const file of loaded) {
  describe(file.path.replace('./', ''), () => {
    if ('error' in file) {
      it('imports', () => {
        throw file.error;
      });
      return;
    }
    // `storyTest.browserOnly`: the play function asserts what only a browser computes (container widths,
    // layout, direction); here the story renders without it, and e2e/stories.e2e.ts runs it in Chromium.
    const module = Object.fromEntries(
      Object.entries(file.module as Record<string, unknown>).map(([key, story]) => {
        const hints = (story as { parameters?: { storyTest?: { browserOnly?: boolean } } } | null)?.parameters
          ?.storyTest;
        return key !== 'default' && hints?.browserOnly
          ? [key, { ...(story as object), play: undefined }]
          : [key, story];
      }),
    ) as StoryFile;
    const stories = Object.entries(composeStories(module, annotations) as Record<string, ComposedStory>);
    if (stories.length === 0) {
      it('has stories', () => {
        expect(stories.length).toBeGreaterThan(0);
      });
    }
    for (const [name, Story] of stories) {
      const hints = Story.parameters.storyTest ?? {};
      it(name, async () => {
        const watch = watchErrors();
        const canvasElement = document.createElement('div');
        canvasElement.id = 'storybook-root';
        document.body.appendChild(canvasElement);
        try {
          await Story.run({ canvasElement });
          if (!hints.allowEmpty) {
            await waitFor(
              () => expect(visibleContent(canvasElement), 'the story shows no content').toBe(true),
              { timeout: 4000 },
            );
          }
          // Let the first requests land, then check nothing went wrong on the way.
          await waitFor(() => expect(canvasElement.querySelector('[aria-busy="true"]')).toBeNull(), {
            timeout: 3000,
          }).catch(() => undefined);
          expect(watch.errors, 'errors while rendering').toEqual([]);
          if (process.env.STORIES_DEBUG)
            console.log(`[${name}]`, canvasElement.textContent?.replace(/\s+/g, ' ').slice(0, 160));
        } finally {
          watch.stop();
          canvasElement.remove();
        }
      });
    }
  });
}
