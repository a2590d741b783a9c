/**
 * Bundle-size budgets: bundles two typical host entries with only react and
 * react-dom external (react-query, zustand, date-fns, valibot, react-virtual
 * count), minified and code-split the way a host's bundler would, and reports
 * gzip -9 sizes of
 *
 * - `initial`: the entry chunk plus every chunk it imports statically, i.e.
 *   what a host downloads before the first paint. **The budgets apply to this.**
 * - `total`: every chunk, including the ones behind `import()` (dialogs, the
 *   send pipeline, realtime, transport verbs), loaded when first used.
 *
 * plus a per-module breakdown (minified bytes of each module's rendered code,
 * biggest first, marked initial or lazy) to show where the bytes go.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minify } from 'rolldown/utils';
import { build } from 'vite';
import type { Plugin } from 'vite';

const root = resolve(import.meta.dirname, '..');

/** A module's share of a bundle. */
export interface ModuleSize {
  /** Path relative to the repository (`node_modules/…` for dependencies). */
  id: string;
  /** Minified bytes of the module's rendered (tree-shaken) code. */
  bytes: number;
  /** In a chunk loaded before first paint (entry + static imports), or only behind `import()`. */
  load?: 'initial' | 'lazy';
}

/** One measured bundle. */
export interface SizeResult {
  name: string;
  /** Minified bytes before first paint: entry chunk + its static imports. */
  rawBytes: number;
  /** gzip -9 of the same, summed per chunk (each is its own request). What the budget applies to. */
  gzipBytes: number;
  /** Minified bytes of every chunk, lazy ones included. */
  totalRawBytes: number;
  /** gzip -9 of every chunk, lazy ones included. */
  totalGzipBytes: number;
  /** Chunks: `initial` first, then lazy ones, each with its gzip size. */
  chunks: Array<{ file: string; load: 'initial' | 'lazy'; rawBytes: number; gzipBytes: number }>;
  budgetBytes: number;
  /** `gzipBytes` (initial) within `budgetBytes`. */
  pass: boolean;
  /** Biggest modules first. */
  modules: ModuleSize[];
  /** The same grouped by package (`inbox-kit:react`, `inbox-kit:transports`, `date-fns`, …). */
  packages: ModuleSize[];
}

/** A bundle to measure. */
export interface SizeCase {
  name: string;
  budget: number;
  code: string;
}

/** Which source the cases import: the sources, or the built package (`dist/`, what hosts install). */
export type SizeSource = 'src' | 'dist';

/** The two host entries of the budgets. */
export function sizeCases(source: SizeSource = 'src'): SizeCase[] {
  const react = source === 'src' ? `${root}/src/react/index.ts` : `${root}/dist/index.js`;
  const marketplace =
    source === 'src'
      ? `${root}/src/transports/marketplace/index.ts`
      : `${root}/dist/transports/marketplace.js`;
  return [
    {
      name: 'InboxLayout + provider + marketplace transport',
      budget: 45 * 1024,
      code: `import { MessagingProvider, InboxLayout } from '${react}';
import { createMarketplaceTransport } from '${marketplace}';
export { MessagingProvider, InboxLayout, createMarketplaceTransport };`,
    },
    {
      name: 'UnreadBadge + provider + marketplace transport',
      budget: 15 * 1024,
      code: `import { MessagingProvider, UnreadBadge } from '${react}';
import { createMarketplaceTransport } from '${marketplace}';
export { MessagingProvider, UnreadBadge, createMarketplaceTransport };`,
    },
  ];
}

function packageOf(id: string): string {
  const nm = id.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = id.slice(nm + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const m = /(?:^|\/)(?:src|dist)\/([^/]+)/.exec(id);
  return `inbox-kit:${m?.[1] ?? id}`;
}

interface ChunkGraph {
  entries: string[];
  imports: Map<string, string[]>;
  modules: Map<string, string[]>;
}

/** Collects the chunk graph and each module's rendered code, then minifies it alone to estimate its share (rolldown's minifier, which Vite uses). */
function moduleSizes(into: ModuleSize[], graph: ChunkGraph): Plugin {
  return {
    name: 'inbox-kit-module-sizes',
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        if (chunk.isEntry) graph.entries.push(chunk.fileName);
        graph.imports.set(chunk.fileName, chunk.imports);
        graph.modules.set(
          chunk.fileName,
          Object.keys(chunk.modules).map((id) =>
            id.startsWith(root) ? relative(root, id) : id.replace(/^\0/, ''),
          ),
        );
        for (const [id, m] of Object.entries(chunk.modules)) {
          const code = m.code ?? '';
          if (!code.trim()) continue;
          let bytes = Buffer.byteLength(code);
          try {
            const { code: min } = await minify('m.js', code, { compress: true, mangle: true });
            bytes = Buffer.byteLength(min);
          } catch {
            // keep the unminified length
          }
          into.push({ id: id.startsWith(root) ? relative(root, id) : id.replace(/^\0/, ''), bytes });
        }
      }
    },
  };
}

/** Bundles one case and measures it. */
export async function measureSize(c: SizeCase): Promise<SizeResult> {
  // Inside the repo so bare imports in a case resolve from our node_modules.
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  const dir = mkdtempSync(join(root, 'node_modules/.cache/ik-size-'));
  const entry = join(dir, 'entry.js');
  writeFileSync(entry, c.code);
  const modules: ModuleSize[] = [];
  const graph: ChunkGraph = { entries: [], imports: new Map(), modules: new Map() };
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      root: dir,
      define: { 'process.env.NODE_ENV': '"production"' },
      plugins: [moduleSizes(modules, graph)],
      build: {
        outDir: join(dir, 'out'),
        minify: true,
        lib: { entry, formats: ['es'], fileName: () => 'bundle.js' },
        rolldownOptions: {
          external: (id: string) => ['react', 'react-dom'].some((d) => id === d || id.startsWith(`${d}/`)),
        },
      },
    });
    const outDir = join(dir, 'out');
    // Initial = the entry chunk and everything it reaches through static imports.
    const initial = new Set<string>();
    const visit = (file: string) => {
      if (initial.has(file)) return;
      initial.add(file);
      for (const dep of graph.imports.get(file) ?? []) visit(dep);
    };
    graph.entries.forEach(visit);
    const chunks: SizeResult['chunks'] = [];
    for (const f of readdirSync(outDir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.js'))) {
      const buf = readFileSync(join(outDir, f));
      chunks.push({
        file: f,
        load: initial.has(f) ? 'initial' : 'lazy',
        rawBytes: buf.length,
        gzipBytes: gzipSync(buf, { level: 9 }).length,
      });
    }
    chunks.sort((a, b) => (a.load === b.load ? b.gzipBytes - a.gzipBytes : a.load === 'initial' ? -1 : 1));
    const sum = (xs: typeof chunks, k: 'rawBytes' | 'gzipBytes') => xs.reduce((n, c) => n + c[k], 0);
    const initialChunks = chunks.filter((c) => c.load === 'initial');
    const initialModules = new Set([...initial].flatMap((f) => graph.modules.get(f) ?? []));
    for (const m of modules) m.load = initialModules.has(m.id) ? 'initial' : 'lazy';
    const raw = sum(initialChunks, 'rawBytes');
    const gz = sum(initialChunks, 'gzipBytes');
    modules.sort((a, b) => b.bytes - a.bytes);
    // By package, initial bytes only (what the budget pays for); lazy modules are listed separately.
    const byPackage = new Map<string, number>();
    for (const m of modules)
      if (m.load === 'initial')
        byPackage.set(packageOf(m.id), (byPackage.get(packageOf(m.id)) ?? 0) + m.bytes);
    const packages = [...byPackage].map(([id, bytes]) => ({ id, bytes })).sort((a, b) => b.bytes - a.bytes);
    return {
      name: c.name,
      rawBytes: raw,
      gzipBytes: gz,
      totalRawBytes: sum(chunks, 'rawBytes'),
      totalGzipBytes: sum(chunks, 'gzipBytes'),
      chunks,
      budgetBytes: c.budget,
      pass: gz <= c.budget,
      modules,
      packages,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Builds and measures every case. */
export async function measureSizes(source: SizeSource = 'src'): Promise<SizeResult[]> {
  const results: SizeResult[] = [];
  for (const c of sizeCases(source)) results.push(await measureSize(c));
  return results;
}

// `tsx bench/sizes.ts [src|dist] [--modules N]`: the size part alone, with the breakdown.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const source = process.argv.find((a) => a === 'src' || a === 'dist') ?? 'src';
  const n = Number(process.argv[process.argv.indexOf('--modules') + 1]) || 15;
  for (const r of await measureSizes(source)) {
    const kb = (b: number) => `${(b / 1024).toFixed(1)} kB`;
    const lazy = r.chunks.filter((c) => c.load === 'lazy');
    console.log(`\n${r.name} (${source})`);
    console.log(
      `  initial (entry + static imports, before first paint): ${kb(r.gzipBytes)} gzip, ${kb(r.rawBytes)} min; budget ${kb(r.budgetBytes)} applies here → ${r.pass ? 'PASS' : 'MISS'}`,
    );
    console.log(
      `  total (incl. ${lazy.length} lazy chunks loaded on use):      ${kb(r.totalGzipBytes)} gzip, ${kb(r.totalRawBytes)} min`,
    );
    console.log('  initial by package (minified, before gzip):');
    for (const p of r.packages) console.log(`    ${kb(p.bytes).padStart(9)}  ${p.id}`);
    console.log(`  top ${n} modules (minified, before gzip):`);
    for (const m of r.modules.slice(0, n))
      console.log(`    ${kb(m.bytes).padStart(9)}  ${m.load === 'lazy' ? 'lazy   ' : 'initial'}  ${m.id}`);
    if (lazy.length)
      console.log(`  lazy chunks (gzip): ${lazy.map((c) => `${c.file} ${kb(c.gzipBytes)}`).join(', ')}`);
  }
}
