// @vitest-environment node
/**
 * The stylesheet a host loads and the "use client" rules, checked on what the build produces
 * from src/ (scripts/check-entries.ts checks the same on dist/ after `npm run build`).
 */
import { resolve } from 'node:path';
import { classifyClientModules } from '../../scripts/build/clientBoundary';
import { buildStylesheet, cssRules, isScoped, splitSelectors } from '../../scripts/build/stylesheet';

const root = resolve(import.meta.dirname, '../..');

describe('inbox-kit/styles.css', () => {
  const rules = cssRules(buildStylesheet(resolve(root, 'src/react/styles/index.css')));

  it('opens with a layer order that puts reset layers below the widget', () => {
    const first = rules[0]?.statement?.replace(/\s+/g, ' ');
    expect(first).toMatch(/^@layer (?:[\w-]+, )*base, (?:[\w-]+, )*inbox-kit$/);
    expect(first).toMatch(/\breset\b.*\binbox-kit$/);
  });

  it('keeps every rule inside @layer inbox-kit, and every selector under an .ik- class', () => {
    const styleRules = rules.filter((r) => !r.statement);
    expect(styleRules.length).toBeGreaterThan(300);
    const outside = styleRules.filter((r) => r.parents[0] !== '@layer inbox-kit').map((r) => r.selector);
    const unscoped = styleRules.flatMap((r) => splitSelectors(r.selector).filter((s) => !isScoped(s)));
    expect(outside).toEqual([]);
    expect(unscoped).toEqual([]);
    expect(rules.filter((r) => r.statement && !r.statement.startsWith('@layer'))).toEqual([]);
  });

  it('restates the browser defaults the widget relies on, at zero specificity', () => {
    const scope = rules.filter((r) => r.selector.startsWith(':where(.ik-root, .ik-dialog)'));
    const covers = (tag: string) => scope.some((r) => new RegExp(`\\b${tag}\\b`).test(r.selector));
    for (const tag of ['h2', 'ul', 'ol', 'img', 'svg', 'button', 'textarea', 'a'])
      expect(covers(tag)).toBe(true);
  });
});

describe('scoped selectors', () => {
  it.each([
    ['.ik-root *', true],
    ['.ik-button[data-variant="primary"]:hover', true],
    ['dialog.ik-dialog::backdrop', true],
    [':where(.ik-root, .ik-dialog) :where(h1, h2)', true],
    [':where(.ik-root):not(.x) p', true],
    ['*', false],
    ['h2', false],
    [':root', false],
    ['body .ik-root', false],
    [':where(.ik-root, h2) p', false],
    [':is(*) .ik-root', false],
  ])('%s → %s', (selector, scoped) => {
    expect(isScoped(selector)).toBe(scoped);
  });
});

describe('"use client" boundary', () => {
  const mod = (fileName: string, code: string) => ({ fileName, source: undefined, code });
  const classify = (...modules: ReturnType<typeof mod>[]) =>
    [...classifyClientModules(modules).keys()].sort();

  it('marks React modules, modules that wrap them, and nothing that only passes them through', () => {
    const modules = [
      mod(
        'react/Root.js',
        'import { forwardRef } from "react";\nvar Root = forwardRef(() => null);\nexport { Root };',
      ),
      mod(
        'react/Item.js',
        'import { jsx } from "react/jsx-runtime";\nvar Item = () => jsx("li", {});\nexport { Item };',
      ),
      mod(
        'react/index.js',
        'import { Root } from "./Root.js";\nimport { Item } from "./Item.js";\nvar Inbox = Object.assign(Root, { Item });\nexport { Inbox };',
      ),
      mod('react/keys.js', 'var keys = { all: ["inbox"] };\nexport { keys };'),
      mod(
        'react/store.js',
        'import { createStore } from "zustand/vanilla";\nexport const s = createStore(() => ({}));',
      ),
      mod('react/focus.js', 'function f() { return document.activeElement; }\nexport { f };'),
      mod(
        'index.js',
        'import { Inbox } from "./react/index.js";\nimport { keys } from "./react/keys.js";\nexport { Inbox, keys };',
      ),
      mod('core/x.js', 'function y() { return window.location; }\nexport { y };'),
    ];
    expect(classify(...modules)).toEqual([
      'react/Item.js',
      'react/Root.js',
      'react/focus.js',
      'react/index.js',
      'react/store.js',
    ]);
  });
});
