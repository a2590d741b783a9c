import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { STORYBOOK_DIR } from './paths';

/** An entry of storybook-static/index.json. */
export interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
  importPath: string;
  tags?: string[];
}

/** Every entry of the built Storybook's index (empty if it did not build). */
export function readIndex(): IndexEntry[] {
  const file = join(STORYBOOK_DIR, 'index.json');
  if (!existsSync(file)) return [];
  const index = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, IndexEntry> };
  return Object.values(index.entries);
}

/** What the preview reported while a story rendered. */
export interface RenderOutcome {
  phase: string;
  errors: string[];
}

/**
 * Collects the preview's own error events from the first moment of every
 * document (before Storybook's runtime starts), so a failing play function
 * or a render that throws is reported with its message.
 */
export async function watchPreview(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __e2e: { errors: string[] }; __STORYBOOK_ADDONS_CHANNEL__?: { on(e: string, f: (x: unknown) => void): void } };
    w.__e2e = { errors: [] };
    const describe = (x: unknown) => {
      if (x && typeof x === 'object') {
        const o = x as { message?: string; title?: string; description?: string; stack?: string };
        return [o.title, o.message ?? o.description].filter(Boolean).join(': ') || JSON.stringify(x).slice(0, 400);
      }
      return String(x);
    };
    const attach = () => {
      const channel = w.__STORYBOOK_ADDONS_CHANNEL__;
      if (!channel) return void setTimeout(attach, 5);
      channel.on('storyErrored', (e) => w.__e2e.errors.push(`story errored: ${describe(e)}`));
      channel.on('storyThrewException', (e) => w.__e2e.errors.push(`story threw: ${describe(e)}`));
      channel.on('playFunctionThrewException', (e) => w.__e2e.errors.push(`play function threw: ${describe(e)}`));
      channel.on('unhandledErrorsWhilePlaying', (e) => w.__e2e.errors.push(`unhandled errors while playing: ${describe(e)}`));
    };
    attach();
  });
}

/**
 * Opens one story in the preview iframe and waits until it has rendered, its
 * play function (and the a11y addon's check) finished, and its data stopped loading.
 */
export async function openStory(page: Page, baseUrl: string, id: string, globals = ''): Promise<RenderOutcome> {
  await page.goto(`${baseUrl}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story${globals ? `&globals=${globals}` : ''}`);
  await page.waitForFunction(
    () => {
      const preview = (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__;
      const phase = preview?.currentRender?.phase;
      return phase === 'completed' || phase === 'finished' || phase === 'errored' || phase === 'aborted' || document.body.classList.contains('sb-show-errordisplay');
    },
    null,
    { timeout: 30_000, polling: 50 },
  );
  // Data: wait for busy regions to clear (a story of a loading state may never clear; that is fine).
  await page
    .waitForFunction(() => !document.querySelector('#storybook-root [aria-busy="true"]'), null, { timeout: 5_000, polling: 100 })
    .catch(() => undefined);
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => setTimeout(r, 300))));
  return page.evaluate(() => {
    const w = window as unknown as { __e2e?: { errors: string[] }; __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } };
    const errors = [...(w.__e2e?.errors ?? [])];
    if (document.body.classList.contains('sb-show-errordisplay')) {
      errors.push(`error display: ${document.querySelector('#error-message')?.textContent ?? ''} ${document.querySelector('#error-stack')?.textContent?.slice(0, 600) ?? ''}`);
    }
    return { phase: w.__STORYBOOK_PREVIEW__?.currentRender?.phase ?? 'unknown', errors };
  });
}
