/**
 * Bundle-size budgets: bundles two typical host entries with only react and
 * react-dom external (react-query, zustand, date-fns, valibot, react-virtual
 * count), minified, and reports gzip -9 sizes.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');

/** One measured bundle. */
export interface SizeResult {
  name: string;
  rawBytes: number;
  gzipBytes: number;
  budgetBytes: number;
  pass: boolean;
}

const CASES = [
  {
    name: 'InboxLayout + provider + marketplace transport',
    budget: 45 * 1024,
    code: `import { MessagingProvider, InboxLayout } from '${root}/src/react/index.ts';
import { createMarketplaceTransport } from '${root}/src/transports/marketplace/index.ts';
export { MessagingProvider, InboxLayout, createMarketplaceTransport };`,
  },
  {
    name: 'UnreadBadge + provider + marketplace transport',
    budget: 15 * 1024,
    code: `import { MessagingProvider, UnreadBadge } from '${root}/src/react/index.ts';
import { createMarketplaceTransport } from '${root}/src/transports/marketplace/index.ts';
export { MessagingProvider, UnreadBadge, createMarketplaceTransport };`,
  },
];

/** Builds and measures every case. */
export async function measureSizes(): Promise<SizeResult[]> {
  const results: SizeResult[] = [];
  for (const c of CASES) {
    const dir = mkdtempSync(join(tmpdir(), 'ik-size-'));
    const entry = join(dir, 'entry.js');
    writeFileSync(entry, c.code);
    await build({
      configFile: false,
      logLevel: 'silent',
      root: dir,
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        outDir: join(dir, 'out'),
        minify: true,
        lib: { entry, formats: ['es'], fileName: 'bundle' },
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
    rmSync(dir, { recursive: true, force: true });
    results.push({ name: c.name, rawBytes: raw, gzipBytes: gz, budgetBytes: c.budget, pass: gz <= c.budget });
  }
  return results;
}
