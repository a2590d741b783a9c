/**
 * Every story of the built Storybook in Chromium, with reduced motion on: it
 * renders without an error (play functions included), axe finds no WCAG 2.2
 * AA / best-practice violation in `#storybook-root`, nothing animates, and
 * every tab stop shows a focus indicator. A screenshot goes to
 * artifacts/stories/<id>.png and a per-story summary (errors, violations,
 * focus order, moving parts) to artifacts/stories/axe.json, so failures can
 * be routed by file.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatViolations, runAxe } from './support/axe';
import type { AxeViolation } from './support/axe';
import { launchBrowser } from './support/browser';
import type { E2EBrowser } from './support/browser';
import { ARTIFACTS } from './support/paths';
import { movingParts, openStory, readIndex, walkFocus, watchPreview } from './support/storybook';
import type { FocusWalk } from './support/storybook';

const baseUrl = inject('storybookUrl');
const buildError = inject('storybookBuildError');
const SHOTS = join(ARTIFACTS, 'stories');
const entries = baseUrl ? readIndex() : [];
const stories = entries.filter((e) => e.type === 'story');
// Hand-written docs pages (MDX: tagged attached-mdx or unattached-mdx); autodocs pages are the stories again.
const docs = entries.filter((e) => e.type === 'docs' && e.tags?.some((t) => t.endsWith('-mdx')));

const summary: Record<
  string,
  { file: string; errors: string[]; violations: AxeViolation[]; focus?: FocusWalk; motion?: string[] }
> = {};
let browser: E2EBrowser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  if (!baseUrl) return;
  // Reduced motion: stable screenshots, and the components must honour it.
  browser = await launchBrowser({ reducedMotion: 'reduce' });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('pageerror', (e) => {
    // Chromium's own periodic service-worker update check, rejected while a story keeps the
    // worker busy (seen on the Loading story after ~60 earlier stories in one browser): the
    // browser's housekeeping, not an error of the story. Everything else counts.
    if (/^Failed to update a ServiceWorker for scope/.test(e.message)) return;
    pageErrors.push(`page error: ${e.message}`);
  });
  await watchPreview(page);
});

afterAll(async () => {
  await writeFile(join(SHOTS, 'axe.json'), JSON.stringify(summary, null, 2));
  await browser?.close();
});

/**
 * Threads not scrolled to their newest message, as "scrollTop+clientHeight/scrollHeight" (empty when
 * every visible thread is, or there is none). Polled for a few seconds: history and unsent messages
 * can land in either order.
 */
async function notAtNewest(page: Page): Promise<string[]> {
  const check = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-slot="thread-scroller"]')]
        .filter((el) => el.clientHeight > 0 && el.scrollTop + el.clientHeight < el.scrollHeight - 4)
        .map((el) => `${el.scrollTop}+${el.clientHeight}/${el.scrollHeight}`),
    );
  for (let i = 0; i < 25; i += 1) {
    const off = await check();
    if (off.length === 0) return off;
    await page.waitForTimeout(200);
  }
  return check();
}

describe('Storybook', () => {
  it('builds', () => {
    expect(buildError, buildError).toBe('');
    expect(stories.length, 'stories in storybook-static/index.json').toBeGreaterThan(0);
  });

  for (const story of stories) {
    const name = `${story.title} › ${story.name}`;
    it(name, async () => {
      pageErrors.length = 0;
      const outcome = await openStory(page, baseUrl, story.id);
      const errors = [...outcome.errors, ...pageErrors];
      await page.screenshot({ path: join(SHOTS, `${story.id}.png`), fullPage: true });
      const violations = await runAxe(page, '#storybook-root', { pageRules: false });
      const offNewest = await notAtNewest(page);
      const motion = await movingParts(page);
      const focus = await walkFocus(page);
      summary[story.id] = { file: story.importPath, errors, violations, focus, motion };
      expect(errors, `${story.importPath}: errors while rendering`).toEqual([]);
      expect(violations, `${story.importPath}: axe violations\n${formatViolations(violations)}`).toEqual([]);
      expect(
        offNewest,
        `${story.importPath}: a thread opens at its newest message (scrollTop+clientHeight/scrollHeight)`,
      ).toEqual([]);
      expect(motion, `${story.importPath}: moves despite prefers-reduced-motion`).toEqual([]);
      expect(
        focus.invisible,
        `${story.importPath}: tab stops without a visible focus indicator (order: ${focus.order.join(' → ')})`,
      ).toEqual([]);
    });
  }

  for (const doc of docs) {
    it(`docs: ${doc.title}`, async () => {
      pageErrors.length = 0;
      await page.goto(`${baseUrl}/iframe.html?id=${encodeURIComponent(doc.id)}&viewMode=docs`);
      await page.waitForSelector('#storybook-docs .sbdocs-content, .sb-show-errordisplay', {
        timeout: 30_000,
      });
      // Code blocks highlight lazily: wait until the page stops growing.
      let last = -1;
      for (let stable = 0, i = 0; stable < 3 && i < 40; i++) {
        const size = await page.evaluate(
          () => document.querySelectorAll('#storybook-docs pre, #storybook-docs table').length,
        );
        stable = size === last ? stable + 1 : 0;
        last = size;
        await page.waitForTimeout(250);
      }
      await page.screenshot({ path: join(SHOTS, `${doc.id}.png`), fullPage: true });
      const shown = await page.evaluate(() => !document.body.classList.contains('sb-show-errordisplay'));
      expect(shown, `${doc.importPath} shows an error`).toBe(true);
      expect(pageErrors).toEqual([]);
    });
  }
});
