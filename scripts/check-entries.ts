/**
 * Checks the built package beyond what publint and attw look at:
 * - every `exports` target (JS, types, CSS) exists in dist/;
 * - the main entry's static import graph (dist/index.js and its chunks) pulls in
 *   nothing of msw, nothing of the reference server and no `node:` builtins;
 * - peers and dependencies stay external (no copies of react, react-query, zustand,
 *   date-fns, valibot or react-virtual inside dist/).
 *
 * Usage (after `npm run build`): `tsx scripts/check-entries.ts`
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

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

if (problems.length) {
  console.error(`check-entries: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  'check-entries: every export exists; main entry free of msw, mock and node:; dependencies external',
);
