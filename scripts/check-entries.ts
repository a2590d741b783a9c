/**
 * Checks the built package beyond what publint and attw look at:
 * - every `exports` target (JS, types, CSS) exists in dist/;
 * - React Server Components: every built file that imports react, react-dom, zustand,
 *   react-query or react-virtual starts with `"use client"`, and so does every React-layer file
 *   the boundary rules (scripts/build/clientBoundary.ts) call client; no other file has it.
 *   Every entry but the React one (core, transports, server helpers, mock) reaches neither a
 *   client file nor a client-only package, so route handlers and server components import them;
 * - dist/styles.css: a layer-order statement first, every rule inside `@layer inbox-kit`,
 *   every selector scoped under one of the widget's `.ik-` classes;
 * - the main entry's static import graph (dist/index.js and its chunks) pulls in
 *   nothing of msw, nothing of the reference server and no `node:` builtins;
 * - peers and dependencies stay external (no copies of react, react-query, zustand,
 *   date-fns, valibot or react-virtual inside dist/);
 * - `inbox-kit/server` (and `/server/redis`) reach no React, react-query, zustand or msw;
 * - the browser entries reach no `node:` builtins or redis, and only the Shopmonkey
 *   webhook decoder imports `standardwebhooks`.
 *
 * Usage (after `npm run build`): `tsx scripts/check-entries.ts`
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CLIENT_PACKAGES, classifyClientModules, hasUseClient } from './build/clientBoundary';
import { cssRules, isScoped, splitSelectors } from './build/stylesheet';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | Record<string, string>>;
};
const problems: string[] = [];

for (const [entry, target] of Object.entries(pkg.exports)) {
  const paths = typeof target === 'string' ? [target] : Object.values(target);
  for (const p of paths)
    if (!existsSync(join(root, p))) problems.push(`exports["${entry}"] → ${p} does not exist`);
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g;

/** Static + dynamic imports of one built file, split into relative files and bare ids. */
function importsOf(file: string): { files: string[]; bare: string[] } {
  const files: string[] = [];
  const bare: string[] = [];
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    if (!spec) continue;
    if (spec.startsWith('.')) files.push(resolve(dirname(file), spec));
    else bare.push(spec);
  }
  return { files, bare };
}

const main = join(root, 'dist/index.js');
if (existsSync(main)) {
  const seen = new Set<string>();
  const queue = [main];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const { files, bare } = importsOf(file);
    queue.push(...files);
    for (const id of bare) {
      if (id === 'msw' || id.startsWith('msw/'))
        problems.push(`${relative(root, file)} imports ${id} (main entry must not need msw)`);
      if (id.startsWith('node:'))
        problems.push(`${relative(root, file)} imports ${id} (main entry must run in browsers)`);
    }
    const text = readFileSync(file, 'utf8');
    if (existsSync(`${file}.map`)) {
      const { sources } = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
      if (sources.some((s) => s.includes('src/mock/')))
        problems.push(`${relative(root, file)} contains reference-server code`);
    }
    if (/setupWorker|setupServer/.test(text))
      problems.push(`${relative(root, file)} mentions setupWorker/setupServer`);
  }
  console.log(`check-entries: main entry reaches ${seen.size} files under dist/`);
} else {
  problems.push('dist/index.js missing: run `npm run build` first');
}

/** Every dist file an entry reaches through its static and dynamic imports, with its bare imports. */
function graphOf(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const queue = [join(root, entry)];
  while (queue.length) {
    const file = queue.pop()!;
    if (graph.has(file) || !existsSync(file)) continue;
    const { files, bare } = importsOf(file);
    graph.set(file, bare);
    queue.push(...files);
  }
  return graph;
}

// The relay runs in Node servers: no UI libraries, no reference server.
for (const entry of ['dist/server.js', 'dist/server/redis.js']) {
  if (!existsSync(join(root, entry))) continue;
  for (const [file, bare] of graphOf(entry))
    for (const id of bare)
      if (/^(react|react-dom|zustand|@tanstack\/react-query|msw)(\/|$)/.test(id))
        problems.push(`${relative(root, file)} imports ${id} (${entry} must not need React or msw)`);
}
// Browser-facing entries: no node: builtins, no redis; the webhook verifier's package only from
// the decoder module, which a host's bundler drops unless it imports the decoder.
for (const entry of ['dist/index.js', 'dist/transports/marketplace.js', 'dist/transports/shopmonkey.js']) {
  if (!existsSync(join(root, entry))) continue;
  for (const [file, bare] of graphOf(entry))
    for (const id of bare) {
      const rel = relative(root, file);
      if (id.startsWith('node:') || id === 'redis' || id.startsWith('@redis/'))
        problems.push(`${rel} imports ${id} (${entry} runs in browsers)`);
      if (id === 'standardwebhooks' && rel !== 'dist/transports/shopmonkey/webhooks.js')
        problems.push(`${rel} imports standardwebhooks (only the webhook decoder may)`);
    }
}

// Bundled copies of dependencies show up as node_modules paths in the source maps.
function* maps(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* maps(p);
    else if (name.endsWith('.js.map')) yield p;
  }
}
if (existsSync(join(root, 'dist'))) {
  for (const m of maps(join(root, 'dist'))) {
    const { sources } = JSON.parse(readFileSync(m, 'utf8')) as { sources: string[] };
    const bundled = sources.filter((s) => s.includes('node_modules/'));
    if (bundled.length)
      problems.push(
        `${relative(root, m)} bundles ${bundled.slice(0, 3).join(', ')}${bundled.length > 3 ? ', …' : ''}`,
      );
  }
}

// React Server Components: where "use client" must and must not be.
function* jsFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'types') yield* jsFiles(p);
    } else if (name.endsWith('.js')) yield p;
  }
}
const dist = join(root, 'dist');
if (existsSync(dist)) {
  const files = [...jsFiles(dist)];
  const rel = (f: string) => relative(dist, f).split('\\').join('/');
  const code = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
  const importsClientPackage = (f: string) =>
    importsOf(f).bare.some((id) => CLIENT_PACKAGES.some((p) => id === p || id.startsWith(`${p}/`)));
  const client = classifyClientModules(
    files.map((f) => ({ fileName: rel(f), source: undefined, code: code.get(f)! })),
  );
  let directives = 0;
  for (const f of files) {
    const has = hasUseClient(code.get(f)!);
    if (has) directives += 1;
    if (importsClientPackage(f) && !has)
      problems.push(`${rel(f)} imports a client-only package but does not start with "use client"`);
    else if (client.has(rel(f)) && !has)
      problems.push(`${rel(f)} is a client module (${client.get(rel(f))}) without "use client"`);
    else if (!client.has(rel(f)) && has)
      problems.push(`${rel(f)} starts with "use client" but is server-safe (core, transport or plain data)`);
  }
  // Every entry but the React one must be importable from server code.
  let serverEntries = 0;
  for (const [entry, target] of Object.entries(pkg.exports)) {
    const js = typeof target === 'string' ? target : target['default'];
    if (entry === '.' || !js?.endsWith('.js') || !existsSync(join(root, js))) continue;
    serverEntries += 1;
    const seen = new Set<string>();
    const queue = [join(root, js)];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file) || !existsSync(file)) continue;
      seen.add(file);
      queue.push(...importsOf(file).files);
      if (hasUseClient(readFileSync(file, 'utf8')))
        problems.push(`${entry} reaches ${rel(file)}, a "use client" module (server code could not use it)`);
      if (importsClientPackage(file))
        problems.push(`${entry} reaches ${rel(file)}, which imports a client-only package`);
    }
  }
  console.log(
    `check-entries: ${directives} of ${files.length} built files start with "use client"; ${serverEntries} server-side entries checked`,
  );
}

// dist/styles.css: one layer, scoped selectors.
const css = join(root, 'dist/styles.css');
if (existsSync(css)) {
  const rules = cssRules(readFileSync(css, 'utf8'));
  const first = rules[0];
  if (!first?.statement || !/^@layer\s[^{]*\binbox-kit\b/.test(first.statement))
    problems.push('dist/styles.css does not open with a layer-order statement naming inbox-kit');
  let styleRules = 0;
  for (const r of rules) {
    if (r.statement) {
      if (!r.statement.startsWith('@layer')) problems.push(`dist/styles.css: top-level ${r.statement}`);
      continue;
    }
    styleRules += 1;
    if (r.parents[0] !== '@layer inbox-kit')
      problems.push(`dist/styles.css: "${r.selector}" sits outside @layer inbox-kit`);
    for (const s of splitSelectors(r.selector))
      if (!isScoped(s)) problems.push(`dist/styles.css: "${s}" is not scoped under an .ik- class`);
  }
  console.log(`check-entries: ${styleRules} style rules in dist/styles.css, checked for layer and scope`);
}

if (problems.length) {
  console.error(`check-entries: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  'check-entries: every export exists; main entry free of msw, mock and node:; dependencies external',
);
