import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS } from './paths';

/** Knobs for the flows: quick answers, a quick auto-reply, no random failures. */
export const FLOW_KNOBS = { latencyMs: [0, 40], autoReplyDelayMs: 800, failureRate: 0 };

/**
 * Opens the playground signed in as `as` on a clean slate: no stored drafts or
 * outbox, fresh seed data (the reference server lives in the page, so every
 * load starts from the seed), and {@link FLOW_KNOBS} stored as the
 * playground's own settings, so its controls show them and a reload keeps them.
 */
export async function openPlayground(page: Page, baseUrl: string, query: string): Promise<void> {
  // Before any page script runs, once per tab (reloads keep what the flow did): a page booted
  // first and then re-seeded raced the playground's own settings save, which sometimes put the
  // default knobs (80–400 ms latency) back under the flow.
  await page.addInitScript((knobs) => {
    if (sessionStorage.getItem('ik-e2e-seeded')) return;
    sessionStorage.setItem('ik-e2e-seeded', '1');
    localStorage.clear();
    localStorage.setItem('inbox-kit-playground', JSON.stringify({ knobs }));
  }, FLOW_KNOBS);
  await page.goto(`${baseUrl}/?${query}`);
  await page.getByRole('tablist', { name: 'Playground views' }).waitFor();
}

/** PATCHes the reference server's knobs from inside the page (not persisted by the playground). */
export async function setKnobs(page: Page, knobs: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (patch) => {
    const res = await fetch('/__mock/knobs', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(patch),
    });
    if (!res.ok) throw new Error(`PATCH /__mock/knobs: ${res.status}`);
  }, knobs);
}

/** The conversation grid. */
export const grid = (page: Page): Locator => page.getByRole('grid', { name: 'Conversations' });
/** Rows of the grid (the header-less grid has only conversation rows). */
export const rows = (page: Page): Locator => grid(page).getByRole('row');
/** The open thread's feed. */
export const feed = (page: Page): Locator => page.getByRole('feed', { name: 'Messages' });
/** The composer's textarea. */
export const messageBox = (page: Page): Locator =>
  page.getByRole('textbox', { name: 'Message', exact: true });

/**
 * The unread count the host header's "Messages" button carries (0 when the badge is hidden),
 * read from the badge's screen-reader label ("3 unread messages"; the digits are aria-hidden).
 * Read from the DOM: Playwright's aria snapshot was seen returning a stale name here while
 * the label already said the new count.
 */
export async function headerUnread(page: Page): Promise<number> {
  const label = await page
    .getByTestId('host-messages')
    .locator('[data-slot="unread-badge-label"]')
    .textContent({ timeout: 200 })
    .catch(() => '');
  const match = /(\d+) unread/.exec(label ?? '');
  return match ? Number(match[1]) : 0;
}

/** The accessible name Chromium computes for the element (from Playwright's ARIA snapshot). */
export async function accessibleName(locator: Locator): Promise<string> {
  let line = ((await locator.ariaSnapshot()).split('\n')[0] ?? '').replace(/^- /, '');
  // YAML quotes lines with colons: '- \'button "a: b"\':'.
  if (line.startsWith("'")) line = line.slice(1, line.lastIndexOf("'")).replace(/''/g, "'");
  const match = /^[\w-]+ "(.*)"/.exec(line);
  return match ? match[1]!.replace(/\\"/g, '"') : '';
}

/** Waits until `read()` returns something `accept` likes, or throws with the last value. */
export async function until<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector` (and `describeFocus` matches `name`, if given). */
export async function tabUntil(
  page: Page,
  selector: string,
  name?: RegExp,
  max = 80,
  backwards = false,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    const matches = await page.evaluate(
      (selector) => document.activeElement?.matches(selector) ?? false,
      selector,
    );
    if (matches && (!name || name.test(await describeFocus(page)))) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(
    `Tab never reached ${selector}${name ? ` named ${name}` : ''} (focus: ${await describeFocus(page)})`,
  );
}

/** What has focus, for assertion messages and keyboard flows: `tag[role] "accessible name"`. */
export async function describeFocus(page: Page): Promise<string> {
  const tag = await page.evaluate(() => {
    const el = document.activeElement;
    return el
      ? `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''}`
      : 'nothing';
  });
  if (tag === 'body' || tag === 'nothing') return tag;
  return `${tag} "${await accessibleName(page.locator(':focus'))}"`;
}

/** Saves an end-state screenshot to artifacts/playground/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, 'playground', `${name}.png`) });
}

/** A tiny valid PNG (16×16, blue), for attachment uploads. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGOQj79GEmIY1TCqYfhqAAAKiFQQebiFjAAAAABJRU5ErkJggg==',
  'base64',
);
