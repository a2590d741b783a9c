/**
 * Decides which built modules start with `"use client"` (React Server Components, e.g. the
 * Next.js App Router). Shared by the library build (vite.config.ts adds the directives) and
 * scripts/check-entries.ts (verifies dist/).
 *
 * A module is a client module when it
 * - imports a package that only runs in client components (react, react-dom, zustand,
 *   @tanstack/react-query, @tanstack/react-virtual, or any of their subpaths),
 * - or lives in the React layer and touches browser globals (window, document, storage, …),
 * - or imports a binding of a client module and uses it (a server module that calls, wraps or
 *   dots into a client reference would break: on the server it only holds a reference).
 *
 * A module that only passes client bindings through (`import { X } from './X.js'; export { X };`,
 * the barrels such as dist/index.js) stays free of the directive: a server component importing
 * through it gets client references for the components and real values for everything else
 * (`TransportError`, `inboxKeys`, the strings). Modules outside the React layer (core,
 * transports, server helpers, the reference server) never get it: they must stay importable
 * from route handlers and server components.
 */

export const CLIENT_PACKAGES = [
  'react',
  'react-dom',
  'zustand',
  '@tanstack/react-query',
  '@tanstack/react-virtual',
];

const BROWSER_GLOBALS =
  /\b(?:window|document|localStorage|sessionStorage|navigator|matchMedia|ResizeObserver|IntersectionObserver|MutationObserver|requestAnimationFrame|BroadcastChannel)\b/;

/** `import … from "x"` / `export … from "x"` / `import "x"` statements of rolldown's ESM output. */
const STATIC_IMPORT = /^(import|export)\s*(?:([^;]*?)\s*from\s*)?["']([^"']+)["'];?[ \t]*$/gm;

export interface BuiltModule {
  /** Path of the built file, relative to the output directory (`react/components/Inbox/Inbox.js`). */
  fileName: string;
  /** The module's source path relative to `src/` (`react/components/Inbox/Inbox.tsx`), if known. */
  source: string | undefined;
  code: string;
}

interface ImportStatement {
  kind: 'import' | 'export';
  clause: string;
  spec: string;
}

function statementsOf(code: string): ImportStatement[] {
  return [...code.matchAll(STATIC_IMPORT)].map((m) => ({
    kind: m[1] as 'import' | 'export',
    clause: m[2] ?? '',
    spec: m[3]!,
  }));
}

/** Local names an import clause binds: `{ a, b as c }`, `* as ns`, `def`, `def, { a }`. */
function localNames(clause: string): string[] {
  const names: string[] = [];
  const braces = /\{([^}]*)\}/.exec(clause);
  if (braces)
    for (const part of braces[1]!.split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) names.push(name);
    }
  const rest = clause.replace(/\{[^}]*\}/, '').trim();
  const ns = /\*\s+as\s+([\w$]+)/.exec(rest);
  if (ns) names.push(ns[1]!);
  else
    for (const part of rest.split(',')) {
      const name = part.trim();
      if (/^[\w$]+$/.test(name)) names.push(name);
    }
  return names;
}

/** The module's code without its import/export-from statements and local `export { … }` lists. */
function body(code: string): string {
  return code
    .replace(STATIC_IMPORT, '')
    .replace(/^export\s*\{[^}]*\};?[ \t]*$/gm, '')
    .replace(/^\/\/# sourceMappingURL=.*$/gm, '');
}

const isClientPackage = (spec: string) => CLIENT_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`));

/** Modules outside src/react never carry the directive (core, transports, server, mock). */
export const isReactLayer = (m: BuiltModule) =>
  m.source ? m.source.startsWith('react/') : m.fileName.startsWith('react/');

/** Joins a relative import specifier onto the importing file's directory (POSIX paths). */
function resolveSpec(from: string, spec: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const seg of spec.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** Why a module is a client module, or undefined when it is not one. */
export type ClientReason = 'client-package' | 'browser-globals' | 'uses-client-module';

/** Classifies every module of a build (fixpoint over the import graph). */
export function classifyClientModules(modules: BuiltModule[]): Map<string, ClientReason> {
  const byFile = new Map(modules.map((m) => [m.fileName, m]));
  const client = new Map<string, ClientReason>();
  const info = modules.map((m) => {
    const stmts = statementsOf(m.code);
    const rest = body(m.code);
    const used = new Set<string>();
    const localImports: Array<{ file: string; used: boolean }> = [];
    for (const s of stmts) {
      if (!s.spec.startsWith('.')) continue;
      const file = resolveSpec(m.fileName, s.spec);
      const names = s.kind === 'import' ? localNames(s.clause) : [];
      const isUsed = names.some((n) =>
        new RegExp(`(?<![\\w$.])${n.replace(/\$/g, '\\$')}(?![\\w$])`).test(rest),
      );
      localImports.push({ file, used: isUsed });
      if (isUsed) used.add(file);
    }
    return { m, stmts, rest, localImports };
  });
  for (const { m, stmts, rest } of info) {
    if (!isReactLayer(m)) continue;
    if (stmts.some((s) => isClientPackage(s.spec))) client.set(m.fileName, 'client-package');
    else if (BROWSER_GLOBALS.test(rest)) client.set(m.fileName, 'browser-globals');
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const { m, localImports } of info) {
      if (client.has(m.fileName) || !isReactLayer(m)) continue;
      if (localImports.some((i) => i.used && byFile.has(i.file) && client.has(i.file))) {
        client.set(m.fileName, 'uses-client-module');
        changed = true;
      }
    }
  }
  return client;
}

export const USE_CLIENT = '"use client";';

/** Whether built code starts with the directive (comments and blank lines may precede it). */
export const hasUseClient = (code: string) =>
  /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use client["']/.test(code);
