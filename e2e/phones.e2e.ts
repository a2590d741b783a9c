/**
 * Issue 17 in real Chromium: the built playground's InboxLayout at 320, 390,
 * 768 and 1280 px of container width with a mouse (fine pointer) and a
 * finger (coarse pointer, touch emulation), a 390 × 844 phone, forced colours
 * and right-to-left. Every case checks sideways overflow, text widths, target
 * sizes, the composer's proportions, Back and axe, and saves its end state to
 * artifacts/phones/. The narrowest text and smallest target per case go to
 * artifacts/phones/measurements.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatViolations, runAxe } from './support/axe';
import { launchBrowser } from './support/browser';
import type { E2EBrowser } from './support/browser';
import { measureLayout } from './support/layout';
import type { LayoutReport } from './support/layout';
import { ARTIFACTS } from './support/paths';
import { describeFocus, feed, openPlayground, rows } from './support/playground';

const baseUrl = inject('playgroundUrl');
const DIR = join(ARTIFACTS, 'phones');
const ROOT = '.ik-layout';
const measurements: Record<string, unknown> = {};

let browser: E2EBrowser | undefined;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  await mkdir(DIR, { recursive: true });
});
afterEach(async () => {
  await browser?.close();
  browser = undefined;
  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  pageErrors.length = 0;
});
afterAll(async () => {
  if (Object.keys(measurements).length)
    await writeFile(join(DIR, 'measurements.json'), JSON.stringify(measurements, null, 2));
});

type Pointer = 'fine' | 'coarse';

/** Opens the playground as the marketplace buyer with the inbox container exactly `width` px wide (or the phone's own width). */
async function open(width: number | 'phone', pointer: Pointer): Promise<void> {
  const phone = width === 'phone';
  // The playground's controls sit beside the inbox above 800 px of viewport; leave them room.
  const viewportWidth = phone ? 390 : width > 760 ? width + 400 : width + 40;
  browser = await launchBrowser({
    viewport: { width: viewportWidth, height: 844 },
    ...(pointer === 'coarse' ? { hasTouch: true, isMobile: phone } : {}),
    deviceScaleFactor: 1,
  });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('pageerror', (e) => pageErrors.push(e.message));
  if (!phone)
    await page.addInitScript((w) => {
      document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent = `.pg-inbox { inline-size: ${w}px; max-inline-size: none; }`;
        document.head.append(style);
      });
    }, width);
  await openPlayground(page, baseUrl, 'as=buyer');
  await rows(page).first().waitFor();
  const coarse = await page.evaluate(() => matchMedia('(pointer: coarse)').matches);
  expect(coarse, 'pointer emulation').toBe(pointer === 'coarse');
  await page.locator(ROOT).scrollIntoViewIfNeeded();
  // Settle fonts and the list's first layout before measuring.
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => setTimeout(r, 200))));
}

/** The checks every state must pass; returns the report for the measurement file. */
async function check(state: string, pointer: Pointer): Promise<LayoutReport> {
  const report = await measureLayout(page, ROOT, pointer === 'coarse' ? 44 : 24);
  expect(report.pageOverflowX, `${state}: the page scrolls sideways`).toBe(0);
  expect(report.overflowing, `${state}: elements stick out of the widget`).toEqual([]);
  expect(report.textProblems, `${state}: names, previews or titles squeezed`).toEqual([]);
  expect(report.targetProblems, `${state}: targets below ${pointer === 'coarse' ? 44 : 24} px`).toEqual([]);
  if (report.composer) {
    expect(report.composer.ratio, `${state}: message box share of the composer`).toBeGreaterThanOrEqual(0.6);
    expect(report.composer.sendReachable, `${state}: something covers Send`).toBe(true);
  }
  const violations = await runAxe(page, ROOT);
  expect(violations, formatViolations(violations)).toEqual([]);
  return report;
}

async function shot(name: string): Promise<void> {
  await page.locator(ROOT).screenshot({ path: join(DIR, `${name}.png`) });
}

/** Row actions (or the More button) never overlap the row's time, badge or price. */
async function actionsClearOfRowText(): Promise<string[]> {
  return page.evaluate(() => {
    const clashes: string[] = [];
    for (const row of document.querySelectorAll<HTMLElement>('[data-slot="inbox-item"]')) {
      const cells = [...row.querySelectorAll('[data-slot$="-cell"]')].map((c) => c.getBoundingClientRect());
      const texts = row.querySelectorAll(
        '.ik-inbox-item__time, .ik-inbox-item__badge, .ik-inbox-item__price',
      );
      for (const t of texts) {
        const r = t.getBoundingClientRect();
        if (cells.some((c) => c.left < r.right && c.right > r.left && c.top < r.bottom && c.bottom > r.top))
          clashes.push(`${row.dataset.rowId}: ${t.className}`);
      }
    }
    return clashes;
  });
}

describe.skipIf(!baseUrl)('phones and narrow panels (issue 17)', () => {
  for (const width of [320, 390, 768, 1280] as const) {
    for (const pointer of ['fine', 'coarse'] as const) {
      it(`${width} px container, ${pointer} pointer: list, thread, composer and Back`, async () => {
        await open(width, pointer);
        const key = `${width}-${pointer}`;
        const narrow = width < 640;
        expect(await page.locator(ROOT).getAttribute('data-layout')).toBe(narrow ? 'narrow' : 'wide');
        const list = await check(`${key} list`, pointer);
        expect(await actionsClearOfRowText(), 'row actions over time, badge or price').toEqual([]);
        // Filters stay on one line.
        const filterLines = await page.evaluate(() => {
          const tops = [...document.querySelectorAll('.ik-inbox-filters__option')].map(
            (o) => o.getBoundingClientRect().top,
          );
          return new Set(tops.map(Math.round)).size;
        });
        expect(filterLines, 'filter chips wrap onto more lines').toBe(1);
        const compact = (await page.locator('.ik-inbox[data-compact]').count()) > 0;
        const inboxWidth = (await page.locator('.ik-inbox').boundingBox())?.width ?? 0;
        // Touch, and inboxes under 330 px (a 320 px side panel), fold the actions behind More;
        // a wider inbox with a mouse shows them on hover.
        expect(compact, `compact rows in a ${inboxWidth} px inbox`).toBe(
          pointer === 'coarse' || inboxWidth < 330,
        );
        if (compact) {
          // The actions are behind one More button per row.
          const first = rows(page).first();
          await first.getByRole('button', { name: 'More actions' }).click();
          const menu = page.getByRole('menu');
          await expect.poll(() => menu.getByRole('menuitem').count()).toBeGreaterThan(1);
          await shot(`${key}-row-menu`);
          await page.keyboard.press('Escape');
          await expect.poll(() => menu.count()).toBe(0);
        } else {
          // Mouse: hovering shows the actions, each with a visible tooltip.
          const archive = rows(page).first().getByRole('button', { name: 'Archive' });
          await rows(page).first().hover();
          await archive.hover();
          const tip = await archive.locator('.ik-tooltip').boundingBox();
          expect(tip && tip.width > 20 && tip.height > 10, 'visible tooltip on the Archive button').toBe(
            true,
          );
          await shot(`${key}-row-hover`);
        }
        await shot(`${key}-list`);

        const opened = rows(page).first().locator('[data-slot="inbox-item-open"]');
        const rowId = await rows(page).first().getAttribute('data-row-id');
        await opened.click();
        await feed(page).getByRole('article').first().waitFor();
        await page.locator('[data-slot="composer-input"]').waitFor();
        if (narrow) {
          await expect.poll(() => page.locator('[data-pane="list"]').isHidden()).toBe(true);
        }
        const thread = await check(`${key} thread`, pointer);
        expect(thread.composer, 'composer measured').not.toBeNull();
        await shot(`${key}-thread`);
        if (narrow) {
          // The browser's Back returns to the list with focus on the row that was opened.
          await page.goBack();
          await expect.poll(() => page.locator('[data-pane="thread"]').isHidden()).toBe(true);
          await expect
            .poll(() =>
              page.evaluate(() =>
                document.activeElement?.closest('[data-row-id]')?.getAttribute('data-row-id'),
              ),
            )
            .toBe(rowId);
          expect(await describeFocus(page)).toMatch(/^button /);
          // Escape does the same.
          await opened.click();
          await page.locator('[data-slot="composer-input"]').waitFor();
          await expect.poll(() => page.locator('[data-pane="list"]').isHidden()).toBe(true);
          await page.keyboard.press('Escape');
          await expect.poll(() => page.locator('[data-pane="thread"]').isHidden()).toBe(true);
          await shot(`${key}-back`);
        }
        measurements[key] = {
          containerWidth: list.rootWidth,
          narrowestText: [list.narrowestText, thread.narrowestText].sort(
            (a, b) => (a?.width ?? 1e9) - (b?.width ?? 1e9),
          )[0],
          smallestTarget: [list.smallestTarget, thread.smallestTarget].sort(
            (a, b) =>
              Math.min(a?.width ?? 1e9, a?.height ?? 1e9) - Math.min(b?.width ?? 1e9, b?.height ?? 1e9),
          )[0],
          composer: thread.composer,
        };
      });
    }
  }

  it('390 × 844 phone with touch: the playground page, inbox, thread and composer', async () => {
    await open('phone', 'coarse');
    const list = await check('phone list', 'coarse');
    await shot('phone-list');
    await rows(page).first().locator('[data-slot="inbox-item-open"]').click();
    await page.locator('[data-slot="composer-input"]').waitFor();
    const thread = await check('phone thread', 'coarse');
    await page.locator(ROOT).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(DIR, 'phone-thread-page.png') });
    measurements['phone-390x844'] = {
      containerWidth: list.rootWidth,
      narrowestText: list.narrowestText,
      smallestTarget: thread.smallestTarget,
      composer: thread.composer,
    };
  });

  it('forced colours keep the selected row, bubbles, badges and focus visible with system colours', async () => {
    await open(1280, 'fine');
    await page.emulateMedia({ forcedColors: 'active' });
    await rows(page).first().locator('[data-slot="inbox-item-open"]').click();
    await feed(page).getByRole('article').first().waitFor();
    const styles = await page.evaluate(() => {
      const pick = (sel: string) => {
        const el = document.querySelector(sel);
        if (!el) return null;
        const cs = getComputedStyle(el);
        return {
          outline: `${cs.outlineStyle} ${cs.outlineWidth}`,
          border: `${cs.borderTopStyle} ${cs.borderTopWidth}`,
          borderStart: `${cs.borderInlineStartStyle} ${cs.borderInlineStartWidth}`,
        };
      };
      return {
        forced: matchMedia('(forced-colors: active)').matches,
        selected: pick('[data-slot="inbox-item"][data-selected="true"]'),
        other: pick('[data-slot="inbox-item"]:not([data-selected])'),
        incoming: pick('[data-direction="incoming"] .ik-message__bubble'),
        outgoing: pick('[data-direction="outgoing"] .ik-message__bubble'),
        badge: pick('.ik-inbox-item__badge'),
      };
    });
    expect(styles.forced).toBe(true);
    // The selected row has an outline the others do not.
    expect(styles.selected?.outline).toMatch(/^solid 2px/);
    expect(styles.other?.outline).not.toMatch(/^solid/);
    // Bubbles keep a border; own ones a thicker one, so the two sides stay apart without colour.
    expect(styles.incoming?.border).toBe('solid 1px');
    expect(styles.outgoing?.border).toBe('solid 2px');
    if (styles.badge) expect(styles.badge.border).toBe('solid 1px');
    await page.keyboard.press('Tab');
    await shot('forced-colors');
    const violations = await runAxe(page, ROOT);
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it('right to left: the whole layout mirrors and mixed-direction text stays in order', async () => {
    await open(768, 'fine');
    await page.evaluate(() => {
      document.documentElement.dir = 'rtl';
    });
    await rows(page).first().locator('[data-slot="inbox-item-open"]').click();
    await feed(page).getByRole('article').first().waitFor();
    const geometry = await page.evaluate(() => {
      const r = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
      return {
        list: r('[data-pane="list"]'),
        thread: r('[data-pane="thread"]'),
        avatar: r('.ik-inbox-item__avatar'),
        name: r('.ik-inbox-item__name'),
      };
    });
    // List pane on the right, the avatar at the row's right, its name to the avatar's left.
    expect(geometry.list.left).toBeGreaterThan(geometry.thread.left);
    expect(geometry.avatar.left).toBeGreaterThan(geometry.name.left);
    const report = await measureLayout(page, ROOT, 24);
    expect(report.overflowing).toEqual([]);
    expect(report.pageOverflowX).toBe(0);
    await shot('rtl');
  });
});
