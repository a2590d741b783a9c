import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The WCAG 2.2 AA tags plus best practice, as in docs/accessibility.md and the a11y addon. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** One axe violation, trimmed for reports. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string; summary: string }>;
}

/**
 * Runs axe-core in the page on `selector`. Page-level rules say nothing
 * about a component rendered alone in a story (landmarks, the page's h1), so
 * `pageRules: false` turns them off.
 */
export async function runAxe(
  page: Page,
  selector: string,
  options: { pageRules?: boolean } = {},
): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const pageRules = options.pageRules ?? true;
  return page.evaluate(
    async ({ selector, tags, pageRules }) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const off = { enabled: false };
      const result = await axe.run(selector, {
        runOnly: { type: 'tag', values: tags },
        rules: pageRules
          ? {}
          : { region: off, 'landmark-one-main': off, 'page-has-heading-one': off, bypass: off },
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => ({
          target: n.target.join(' '),
          summary: (n.failureSummary ?? '').split('\n').slice(0, 3).join(' '),
        })),
      }));
    },
    { selector, tags: AXE_TAGS, pageRules },
  );
}

/** A one-line-per-violation summary for assertion messages. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target).join(', ')}`)
    .join('\n');
}
