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
    const w = window as unknown as {
      __e2e: { errors: string[] };
      __STORYBOOK_ADDONS_CHANNEL__?: { on(e: string, f: (x: unknown) => void): void };
    };
    w.__e2e = { errors: [] };
    const describe = (x: unknown) => {
      if (x && typeof x === 'object') {
        const o = x as { message?: string; title?: string; description?: string; stack?: string };
        return (
          [o.title, o.message ?? o.description].filter(Boolean).join(': ') || JSON.stringify(x).slice(0, 400)
        );
      }
      return String(x);
    };
    const attach = () => {
      const channel = w.__STORYBOOK_ADDONS_CHANNEL__;
      if (!channel) return void setTimeout(attach, 5);
      channel.on('storyErrored', (e) => w.__e2e.errors.push(`story errored: ${describe(e)}`));
      channel.on('storyThrewException', (e) => w.__e2e.errors.push(`story threw: ${describe(e)}`));
      channel.on('playFunctionThrewException', (e) =>
        w.__e2e.errors.push(`play function threw: ${describe(e)}`),
      );
      channel.on('unhandledErrorsWhilePlaying', (e) =>
        w.__e2e.errors.push(`unhandled errors while playing: ${describe(e)}`),
      );
    };
    attach();
  });
}

/**
 * Opens one story in the preview iframe and waits until it has rendered, its
 * play function (and the a11y addon's check) finished, and its data stopped loading.
 */
export async function openStory(
  page: Page,
  baseUrl: string,
  id: string,
  globals = '',
): Promise<RenderOutcome> {
  await page.goto(
    `${baseUrl}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story${globals ? `&globals=${globals}` : ''}`,
  );
  await page.waitForFunction(
    () => {
      const preview = (
        window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }
      ).__STORYBOOK_PREVIEW__;
      const phase = preview?.currentRender?.phase;
      return (
        phase === 'completed' ||
        phase === 'finished' ||
        phase === 'errored' ||
        phase === 'aborted' ||
        document.body.classList.contains('sb-show-errordisplay')
      );
    },
    null,
    { timeout: 30_000, polling: 50 },
  );
  // Data: wait for busy regions to clear (a story of a loading state may never clear; that is fine).
  await page
    .waitForFunction(() => !document.querySelector('#storybook-root [aria-busy="true"]'), null, {
      timeout: 5_000,
      polling: 100,
    })
    .catch(() => undefined);
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => setTimeout(r, 300))));
  return page.evaluate(() => {
    const w = window as unknown as {
      __e2e?: { errors: string[] };
      __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } };
    };
    const errors = [...(w.__e2e?.errors ?? [])];
    if (document.body.classList.contains('sb-show-errordisplay')) {
      errors.push(
        `error display: ${document.querySelector('#error-message')?.textContent ?? ''} ${document.querySelector('#error-stack')?.textContent?.slice(0, 600) ?? ''}`,
      );
    }
    return { phase: w.__STORYBOOK_PREVIEW__?.currentRender?.phase ?? 'unknown', errors };
  });
}

/** What tabbing through a story showed. */
export interface FocusWalk {
  /** Tag and name of each tab stop inside the story, in order. */
  order: string[];
  /** Tab stops with neither an outline nor a box-shadow while focused. */
  invisible: string[];
}

/**
 * Tabs from the top of the story through at most `max` stops, while focus
 * stays inside `#storybook-root`, and records whether each one shows a
 * focus indicator (WCAG 2.4.7).
 */
export async function walkFocus(page: Page, max = 20): Promise<FocusWalk> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const walk: FocusWalk = { order: [], invisible: [] };
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body || !el.closest('#storybook-root')) return undefined;
      const cs = getComputedStyle(el);
      const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
      const labelled = el
        .getAttribute('aria-labelledby')
        ?.split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
      const labels = (el as HTMLInputElement).labels;
      const text =
        el.getAttribute('aria-label') ??
        labelled ??
        (labels && labels.length ? labels[0]!.textContent : null) ??
        el.textContent ??
        '';
      const name = text.trim().replace(/\s+/g, ' ').slice(0, 40);
      return {
        label: `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} "${name}"`,
        ring,
      };
    });
    if (!stop) break;
    walk.order.push(stop.label);
    if (!stop.ring) walk.invisible.push(stop.label);
  }
  return walk;
}

/**
 * Elements in the story that still animate or transition (over 10 ms) while
 * the page prefers reduced motion (WCAG 2.3.3; docs/accessibility.md §9).
 */
export function movingParts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found = new Set<string>();
    for (const el of document.querySelectorAll('#storybook-root *')) {
      const cs = getComputedStyle(el);
      const longest = [cs.animationDuration, cs.transitionDuration].map((list) =>
        Math.max(...list.split(',').map((x) => parseFloat(x) * (x.trim().endsWith('ms') ? 0.001 : 1))),
      );
      const cls = String((el as HTMLElement).className || el.tagName.toLowerCase()).split(' ')[0];
      if (cs.animationName !== 'none' && longest[0]! > 0.01)
        found.add(`.${cls}: animation ${cs.animationName} ${cs.animationDuration}`);
      if (cs.transitionProperty !== 'none' && longest[1]! > 0.01)
        found.add(`.${cls}: transition ${cs.transitionProperty} ${cs.transitionDuration}`);
    }
    return [...found];
  });
}
