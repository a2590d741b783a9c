import type { Page } from 'playwright-core';

/** Text that must keep ≥ 96 px, or wrap, or truncate with a full-text tooltip (issue 17). */
export const TEXT_SELECTORS = [
  '.ik-inbox-item__name',
  '.ik-inbox-item__preview',
  '.ik-inbox-item__subject-title',
  '.ik-thread__title',
  '.ik-thread__subject-title',
];

/** Minimum width (CSS px) a name, preview or title keeps when it is cut. */
export const MIN_TEXT_WIDTH = 96;

/** One text box that breaks the rule. */
export interface TextProblem {
  what: string;
  width: number;
  truncated: boolean;
  tooltip: boolean;
}

/** One interactive target smaller than the pointer's minimum. */
export interface TargetProblem {
  what: string;
  width: number;
  height: number;
}

/** What {@link measureLayout} saw inside one widget root. */
export interface LayoutReport {
  /** The root's width. */
  rootWidth: number;
  /** Pixels the page can scroll sideways (0 is good). */
  pageOverflowX: number;
  /** Visible elements inside the root that stick out past its inline edges. */
  overflowing: string[];
  /** Narrowest cut-off (ellipsis) name/preview/title box (px), with what it was; null when every text shows in full. */
  narrowestText: { width: number; what: string } | null;
  textProblems: TextProblem[];
  /** Smallest visible interactive target (px), with what it was. */
  smallestTarget: { width: number; height: number; what: string } | null;
  targetProblems: TargetProblem[];
  /** The composer's message box and row widths, and whether Send is hit-testable at its centre. */
  composer: { box: number; row: number; ratio: number; sendReachable: boolean } | null;
}

/**
 * Measures the widget under `rootSelector` in the page: sideways overflow,
 * text boxes, target sizes (`minTarget` px, 44 for coarse pointers and 24 for
 * fine ones; an inline link inside a sentence is exempt as WCAG 2.5.8 says) and
 * the composer's proportions.
 */
export async function measureLayout(
  page: Page,
  rootSelector: string,
  minTarget: number,
): Promise<LayoutReport> {
  return page.evaluate(
    ({ rootSelector, textSelectors, minText, minTarget }) => {
      const root = document.querySelector(rootSelector);
      if (!root) throw new Error(`no ${rootSelector}`);
      const rootRect = root.getBoundingClientRect();
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) return false;
        if (el.closest('[hidden], [inert], .ik-sr-only')) return false;
        const cs = getComputedStyle(el);
        return cs.visibility !== 'hidden' && cs.display !== 'none';
      };
      const describe = (el: Element) => {
        const slot = el.getAttribute('data-slot') ?? el.className.toString().split(' ')[0] ?? el.tagName;
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ');
        return `${el.tagName.toLowerCase()}.${slot} "${name.slice(0, 30)}"`;
      };
      const doc = document.scrollingElement ?? document.documentElement;
      const pageOverflowX = Math.max(0, doc.scrollWidth - doc.clientWidth);

      const overflowing: string[] = [];
      for (const el of root.querySelectorAll('*')) {
        if (!visible(el)) continue;
        // Inside a scroller that clips sideways (the chip rows), sticking out is scrolling, not overflow.
        let clipped = false;
        for (let p = el.parentElement; p && p !== root; p = p.parentElement) {
          const o = getComputedStyle(p).overflowX;
          if (o !== 'visible') {
            clipped = true;
            break;
          }
        }
        if (clipped) continue;
        const r = el.getBoundingClientRect();
        if (r.left < rootRect.left - 1 || r.right > rootRect.right + 1) overflowing.push(describe(el));
      }

      const textProblems: Array<{ what: string; width: number; truncated: boolean; tooltip: boolean }> = [];
      let narrowestText: { width: number; what: string } | null = null;
      for (const sel of textSelectors) {
        for (const el of root.querySelectorAll<HTMLElement>(sel)) {
          if (!visible(el)) continue;
          const width = Math.round(el.getBoundingClientRect().width * 10) / 10;
          const truncated = el.scrollWidth > el.clientWidth + 1;
          const tooltip = (el.getAttribute('title') ?? '').trim() === (el.textContent ?? '').trim();
          const what = describe(el);
          if (truncated && (!narrowestText || width < narrowestText.width)) narrowestText = { width, what };
          if ((truncated && (width < minText || !tooltip)) || width === 0)
            textProblems.push({ what, width, truncated, tooltip });
        }
      }

      const targetProblems: Array<{ what: string; width: number; height: number }> = [];
      let smallestTarget: { width: number; height: number; what: string } | null = null;
      const interactive = root.querySelectorAll<HTMLElement>(
        'button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [role="tab"], [role="switch"], [role="menuitem"], [role="option"], label:has(input)',
      );
      for (const el of interactive) {
        if (!visible(el)) continue;
        // A radio or checkbox inside its label counts as the label's target.
        if (el.matches('input[type="radio"], input[type="checkbox"]') && el.closest('label')) continue;
        if (el.matches('input') && el.parentElement?.matches('label:has(input)')) continue;
        // WCAG 2.5.8 exempts a target inside a sentence (a link in a message body).
        if (el.matches('a') && el.closest('.ik-message__body, p')) continue;
        const r = el.getBoundingClientRect();
        const width = Math.round(r.width * 10) / 10;
        const height = Math.round(r.height * 10) / 10;
        const what = describe(el);
        if (
          !smallestTarget ||
          Math.min(width, height) < Math.min(smallestTarget.width, smallestTarget.height)
        )
          smallestTarget = { width, height, what };
        if (width < minTarget - 0.5 || height < minTarget - 0.5) targetProblems.push({ what, width, height });
      }

      let composer: { box: number; row: number; ratio: number; sendReachable: boolean } | null = null;
      const row = root.querySelector('[data-slot="composer-row"]');
      const box = root.querySelector('.ik-composer__input');
      const send = root.querySelector<HTMLElement>('.ik-composer__send');
      if (row && box && visible(row)) {
        const rowW = row.getBoundingClientRect().width;
        const boxW = box.getBoundingClientRect().width;
        let sendReachable = false;
        if (send) {
          const s = send.getBoundingClientRect();
          const hit = document.elementFromPoint(s.left + s.width / 2, s.top + s.height / 2);
          sendReachable = !!hit && (hit === send || send.contains(hit));
        }
        composer = {
          box: Math.round(boxW),
          row: Math.round(rowW),
          ratio: Math.round((boxW / rowW) * 100) / 100,
          sendReachable,
        };
      }
      return {
        rootWidth: Math.round(rootRect.width),
        pageOverflowX,
        overflowing: overflowing.slice(0, 10),
        narrowestText,
        textProblems,
        smallestTarget,
        targetProblems,
        composer,
      };
    },
    { rootSelector, textSelectors: TEXT_SELECTORS, minText: MIN_TEXT_WIDTH, minTarget },
  );
}
