/**
 * The first thing a new user sees: the playground and Storybook open with a clean console
 * (no errors, no failed requests, a favicon), and the kit's stylesheet arrives in its layer.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser';
import type { E2EBrowser } from './support/browser';

const playgroundUrl = inject('playgroundUrl');
const storybookUrl = inject('storybookUrl');

let browser: E2EBrowser | undefined;
let page: Page;
/** Console errors, uncaught errors and failed same-origin requests of the page and its frames. */
const problems: string[] = [];

beforeEach(async () => {
  problems.length = 0;
  browser = await launchBrowser({ viewport: { width: 1280, height: 860 } });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && r.url().startsWith(new URL(page.url() || 'http://x').origin))
      problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
});
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

/** The icon the page declares, fetched the way the browser would; its status and type. */
async function favicon(p: Page): Promise<{ href: string; status: number; type: string }> {
  return p.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel~="icon"]');
    const href = link?.href ?? new URL('/favicon.ico', location.href).href;
    const res = await fetch(href);
    return { href, status: res.status, type: res.headers.get('content-type') ?? '' };
  });
}

describe.skipIf(!playgroundUrl)('playground start-up', () => {
  it('opens with conversations, a favicon and no console errors', async () => {
    await page.goto(playgroundUrl);
    await page.locator('[role="grid"] [role="row"]').first().waitFor({ timeout: 20_000 });
    // Give late requests (favicon, lazy chunks, the worker's first answers) time to fail.
    await page.waitForLoadState('networkidle');
    const icon = await favicon(page);
    expect(icon.status, icon.href).toBe(200);
    expect(icon.type).toMatch(/^image\//);
    expect(problems).toEqual([]);
  });

  it("puts the kit's rules in the inbox-kit layer, below the page's own CSS", async () => {
    await page.goto(playgroundUrl);
    await page.locator('.ik-root').first().waitFor({ timeout: 20_000 });
    const layers = await page.evaluate(() => {
      const names: string[] = [];
      const walk = (rules: CSSRuleList) => {
        for (const r of Array.from(rules)) {
          if (r instanceof CSSLayerStatementRule) names.push(...r.nameList);
          if (r instanceof CSSLayerBlockRule) names.push(r.name);
          if (r instanceof CSSImportRule && r.styleSheet) walk(r.styleSheet.cssRules);
        }
      };
      for (const s of Array.from(document.styleSheets)) walk(s.cssRules);
      return names;
    });
    expect(layers).toContain('inbox-kit');
    expect(layers.indexOf('base')).toBeLessThan(layers.indexOf('inbox-kit'));
  });
});

describe.skipIf(!storybookUrl)('Storybook start-up', () => {
  it('opens the manager and the first story with a favicon and no console errors', async () => {
    await page.goto(storybookUrl);
    const preview = page.frameLocator('#storybook-preview-iframe');
    await preview.locator('#storybook-root > *, #storybook-docs > *').first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const icon = await favicon(page);
    expect(icon.status, icon.href).toBe(200);
    expect(icon.type).toMatch(/^image\//);
    expect(problems).toEqual([]);
  });
});
