/**
 * Bundle-size budgets: bundles two typical host entries with only react and
 * react-dom external (react-query, zustand, date-fns, valibot, react-virtual
 * count), minified, and reports gzip -9 sizes plus a per-module breakdown
 * (minified bytes of each module's rendered code, biggest first) to show where
 * the bytes go when a budget is missed.
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
}

/** One measured bundle. */
export interface SizeResult {
  name: string;
  rawBytes: number;
  gzipBytes: number;
  budgetBytes: number;
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
  const marketplace = source === 'src' ? `${root}/src/transports/marketplace/index.ts` : `${root}/dist/transports/marketplace.js`;
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

/** Collects each module's rendered code, then minifies it alone to estimate its share (rolldown's minifier, which Vite uses). */
function moduleSizes(into: ModuleSize[]): Plugin {
  return {
    name: 'inbox-kit-module-sizes',
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
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
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      root: dir,
      define: { 'process.env.NODE_ENV': '"production"' },
      plugins: [moduleSizes(modules)],
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
    let raw = 0;
    let gz = 0;
    for (const f of readdirSync(outDir).filter((f) => f.endsWith('.js'))) {
      const buf = readFileSync(join(outDir, f));
      raw += buf.length;
      gz += gzipSync(buf, { level: 9 }).length;
    }
    modules.sort((a, b) => b.bytes - a.bytes);
    const byPackage = new Map<string, number>();
    for (const m of modules) byPackage.set(packageOf(m.id), (byPackage.get(packageOf(m.id)) ?? 0) + m.bytes);
    const packages = [...byPackage].map(([id, bytes]) => ({ id, bytes })).sort((a, b) => b.bytes - a.bytes);
    return { name: c.name, rawBytes: raw, gzipBytes: gz, budgetBytes: c.budget, pass: gz <= c.budget, modules, packages };
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
  const source = (process.argv.find((a) => a === 'src' || a === 'dist') ?? 'src') as SizeSource;
  const n = Number(process.argv[process.argv.indexOf('--modules') + 1]) || 15;
  for (const r of await measureSizes(source)) {
    const kb = (b: number) => `${(b / 1024).toFixed(1)} kB`;
    console.log(`\n${r.name} (${source}): ${kb(r.gzipBytes)} gzip, ${kb(r.rawBytes)} min; budget ${kb(r.budgetBytes)} → ${r.pass ? 'PASS' : 'MISS'}`);
    console.log('  by package (minified, before gzip):');
    for (const p of r.packages) console.log(`    ${kb(p.bytes).padStart(9)}  ${p.id}`);
    console.log(`  top ${n} modules:`);
    for (const m of r.modules.slice(0, n)) console.log(`    ${kb(m.bytes).padStart(9)}  ${m.id}`);
  }
}
