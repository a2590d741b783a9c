// @vitest-environment node
/**
 * Docs name only what exists: every repository path that README.md,
 * ARCHITECTURE.md or `docs/**\/*.md` names (in backticks or as a link target)
 * must be a file or folder of this repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const TOP = /^(src|test|docs|e2e|bench|stories|scripts|examples|playground|public|\.ci|\.storybook)\//;
/** Outputs that commands write (and .gitignore keeps out of the repository): docs may name them. */
const GENERATED = new Set(['bench/results.json']);
const ROOT_FILES = /^[A-Za-z0-9_.-]+\.(json|md|ts|js|mjs|cjs)$/;

function markdownFiles(): string[] {
  const files = ['README.md', 'ARCHITECTURE.md'].filter((f) => existsSync(join(root, f)));
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) files.push(path);
    }
  };
  if (existsSync(join(root, 'docs'))) walk('docs');
  return files;
}

/** Candidate paths in a markdown text: backticked spans and link targets, cut at `:line`, `#anchor` or spaces. */
function namedPaths(text: string): string[] {
  const spans = [...text.matchAll(/`([^`\n]+)`/g), ...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
  const paths = spans
    .map((s) =>
      s
        .trim()
        .replace(/^\.\//, '')
        .replace(/[#:].*$/, '')
        .replace(/[),.;]+$/, ''),
    )
    .filter((s) => !/[\s*{}<>$]/.test(s) && !s.includes('://'));
  return paths.filter((p) => TOP.test(p) || (ROOT_FILES.test(p) && existsLikeRootFile(p)));
}

/** A bare file name counts as a root path only when it is one of the root's kinds (package.json, README.md…). */
function existsLikeRootFile(p: string): boolean {
  return /^(package\.json|tsconfig[\w.-]*\.json|[A-Z][A-Z_-]*\.md|vite\.config\.\w+|vitest\.config\.\w+|eslint\.config\.\w+|stryker\.config\.\w+)$/.test(
    p,
  );
}

describe('docs name only what exists', () => {
  for (const file of markdownFiles()) {
    it(`every repository path in ${file} exists`, () => {
      const missing = [...new Set(namedPaths(readFileSync(join(root, file), 'utf8')))].filter(
        (p) => !GENERATED.has(p) && !existsSync(join(root, p)),
      );
      expect(missing, `${file} names paths that do not exist`).toEqual([]);
    });
  }
});
