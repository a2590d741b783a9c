/**
 * dist/styles.css from src/react/styles/index.css, and the rules every shipped rule obeys.
 *
 * index.css opens with a layer-order statement and imports each file `layer(inbox-kit)`
 * (Vite resolves that in development). The build inlines the imports the same way: each
 * imported file becomes one `@layer inbox-kit { … }` block, so the source files are never
 * edited to sit in the layer.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const IMPORT = /@import\s+(?:url\()?['"](.+?)['"]\)?\s*(?:layer\(\s*([\w.-]+)\s*\))?\s*;/g;

/** Inlines `@import`s (with their `layer(…)`) recursively; a file imported twice appears once. */
export function buildStylesheet(file: string, seen = new Set<string>()): string {
  if (seen.has(file)) return '';
  seen.add(file);
  return readFileSync(file, 'utf8').replace(IMPORT, (_m, rel: string, layer: string | undefined) => {
    const inner = buildStylesheet(resolve(dirname(file), rel), seen).trim();
    return layer ? `@layer ${layer} {\n${inner}\n}` : inner;
  });
}

/** A style rule of a stylesheet with the at-rules (`@layer x`, `@media …`) it sits in. */
export interface CssRule {
  selector: string;
  parents: string[];
  /** Top-level `@layer a, b;` statements come back with selector '' and parents []. */
  statement?: string;
}

/** A small brace-level CSS reader: enough for our own stylesheet (no strings with braces). */
export function cssRules(css: string): CssRule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: CssRule[] = [];
  const stack: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') {
      stack.push(text.slice(start, i).trim());
      start = i + 1;
    } else if (ch === '}') {
      const prelude = stack.pop() ?? '';
      const inKeyframes = stack.some((p) => /^@(?:-\w+-)?keyframes\b/.test(p));
      if (!prelude.startsWith('@') && !inKeyframes) rules.push({ selector: prelude, parents: [...stack] });
      start = i + 1;
    } else if (ch === ';') {
      const chunk = text.slice(start, i).trim();
      if (chunk.startsWith('@') && stack.length === 0)
        rules.push({ selector: '', parents: [], statement: chunk });
      start = i + 1;
    }
  }
  return rules;
}

/** Splits a selector list at top-level commas. */
export function splitSelectors(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of list) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/**
 * Whether a complex selector can only match inside the widget: its first compound selector
 * names one of our classes (`.ik-…`), directly or as every argument of a leading `:where()` /
 * `:is()`. `.ik-root *` passes; `*`, `h2`, `:root`, `:where(.ik-root, h2) p` do not.
 */
export function isScoped(selector: string): boolean {
  let depth = 0;
  let first = '';
  for (const ch of selector.trim()) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (depth === 0 && /[\s>+~]/.test(ch)) break;
    first += ch;
  }
  if (/^\.ik-[\w-]/.test(first) || /^[a-z]*\.ik-[\w-]/.test(first)) return true;
  const open = /^:(?:where|is)\(/.exec(first);
  if (!open) return false;
  let level = 0;
  let end = -1;
  for (let i = open[0].length - 1; i < first.length; i++) {
    if (first[i] === '(') level++;
    if (first[i] === ')' && --level === 0) {
      end = i;
      break;
    }
  }
  if (end < 0) return false;
  return splitSelectors(first.slice(open[0].length, end)).every((s) => isScoped(s));
}
