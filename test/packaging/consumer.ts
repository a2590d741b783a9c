/**
 * Consumer test: installs the packed package into fresh Vite React apps outside the
 * repository, exactly as a host would, and checks that InboxLayout renders
 * conversations from the mock worker in a production build loaded in Chromium.
 *
 *   npm run test:consumer                 # build, pack, React 19 and React 18.3
 *   npm run test:consumer -- --react 18   # one React major
 *   npm run test:consumer -- --no-build   # reuse dist/
 *
 * Each app: package.json with our pinned peers + the tarball, `npm install
 * --no-audit --no-fund` from the registry, `npx msw init public`, `vite build`,
 * a static server on 127.0.0.1, playwright-core driving Debian's Chromium
 * (CHROMIUM_PATH overrides /usr/bin/chromium). Prints one line per step with its
 * time and a closing `N passed, N failed` line; exits non-zero on failure.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium, serveStatic as serve } from '../../bench/browser';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};
const dev = pkg.devDependencies;
const args = process.argv.slice(2);
const only = args.includes('--react') ? args[args.indexOf('--react') + 1] : undefined;
const keep = args.includes('--keep');

/** React versions to test: ours (19) and the oldest supported (18.3). */
const REACTS: Array<{ label: string; version: string }> = [
  { label: '19', version: dev['react']! },
  { label: '18', version: '18.3.1' },
].filter((r) => !only || r.label === only);

function step<T>(label: string, fn: () => T): T {
  const t0 = performance.now();
  const out = fn();
  console.log(`  ${label.padEnd(34)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
  return out;
}
async function stepAsync<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  console.log(`  ${label.padEnd(34)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
  return out;
}
const run = (cmd: string, argv: string[], cwd: string) =>
  execFileSync(cmd, argv, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

/** The host app's files: a plain Vite + React app using only public entry points. */
function writeApp(dir: string, tarball: string, reactVersion: string): void {
  mkdirSync(join(dir, 'src'), { recursive: true });
  const dependencies: Record<string, string> = {
    'inbox-kit': `file:${tarball}`,
    react: reactVersion,
    'react-dom': reactVersion,
    '@tanstack/react-query': dev['@tanstack/react-query']!,
    zustand: dev['zustand']!,
    'date-fns': dev['date-fns']!,
    msw: dev['msw']!,
  };
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'inbox-kit-consumer',
        private: true,
        type: 'module',
        dependencies,
        devDependencies: { vite: dev['vite'], '@vitejs/plugin-react': dev['@vitejs/plugin-react'] },
      },
      null,
      2,
    ),
  );
  writeFileSync(
    join(dir, 'vite.config.js'),
    `import { defineConfig } from 'vite';\nimport react from '@vitejs/plugin-react';\nexport default defineConfig({ plugins: [react()] });\n`,
  );
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>consumer</title></head>\n<body><div id="root" style="height:600px;width:960px"></div><script type="module" src="/src/main.jsx"></script></body></html>\n`,
  );
  writeFileSync(
    join(dir, 'src/main.jsx'),
    `import { StrictMode, version } from 'react';
import { createRoot } from 'react-dom/client';
import { MessagingProvider, InboxLayout, UnreadBadge } from 'inbox-kit';
import { createMarketplaceTransport } from 'inbox-kit/transports/marketplace';
import { startMockWorker } from 'inbox-kit/mock/browser';
import 'inbox-kit/styles.css';

window.__reactVersion = version;
await startMockWorker({ seed: 1, knobs: { latencyMs: [0, 20], autoReply: false } });
const transport = createMarketplaceTransport({ baseUrl: location.origin + '/v1', getToken: () => 'mk_buyer_1' });
createRoot(document.getElementById('root')).render(
  <StrictMode>
    <MessagingProvider transport={transport} currentUser={{ id: 'usr_buyer_1', name: 'Anna de Vries' }}>
      <UnreadBadge kind="messages" />
      <InboxLayout />
    </MessagingProvider>
  </StrictMode>,
);
`,
  );
}

/** Loads the app and checks that conversations render. */
async function checkInBrowser(
  url: string,
  expectReact: string,
): Promise<{ rows: number; names: string[]; react: string; errors: string[] }> {
  const { context, close } = await launchChromium();
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
    });
    await page.goto(url);
    const rows = page.locator('[role="grid"] [role="row"]');
    await rows.first().waitFor({ timeout: 20_000 });
    await page.getByText('ABC Trucks').first().waitFor({ timeout: 10_000 });
    const names = (await rows.allInnerTexts()).map((t) => t.split('\n')[0] ?? '').slice(0, 3);
    const react = await page.evaluate(() => (window as unknown as { __reactVersion: string }).__reactVersion);
    if (!react.startsWith(expectReact)) throw new Error(`expected React ${expectReact}, page runs ${react}`);
    return { rows: await rows.count(), names, react, errors };
  } finally {
    await close();
  }
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'ik-consumer-'));
  console.log(`consumer test in ${work}`);
  let tarName: string;
  try {
    if (!args.includes('--no-build')) step('npm run build', () => run('npm', ['run', 'build'], root));
    tarName = step('npm pack', () =>
      run('npm', ['pack', '--pack-destination', work, '--silent'], root).trim().split('\n').pop()!,
    );
  } catch (error) {
    const e = error as Error & { stderr?: string; stdout?: string };
    console.error(
      `  FAILED before any app: ${e.message.split('\n')[0]}\n${(e.stderr ?? '').slice(-4000)}${(e.stdout ?? '').slice(-4000)}`,
    );
    console.log(`0 passed, ${REACTS.length} failed`);
    process.exitCode = 1;
    return;
  }
  const tarball = join(work, tarName);
  let passed = 0;
  let failed = 0;
  const timings: Record<string, number> = {};
  for (const r of REACTS) {
    const t1 = performance.now();
    console.log(`React ${r.version}:`);
    const dir = join(work, `app-react${r.label}`);
    try {
      writeApp(dir, tarball, r.version);
      step('npm install', () => run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], dir));
      step('npx msw init public', () => run('npx', ['--no-install', 'msw', 'init', 'public'], dir));
      step('vite build', () => run('npx', ['--no-install', 'vite', 'build'], dir));
      const server = await serve(join(dir, 'dist'));
      try {
        const result = await stepAsync('chromium: conversations render', () =>
          checkInBrowser(server.url, r.label),
        );
        console.log(`  rows ${result.rows}, first: ${result.names.join(' | ')}; React ${result.react}`);
        if (result.errors.length) throw new Error(`errors in the page:\n    ${result.errors.join('\n    ')}`);
      } finally {
        await server.close();
      }
      passed += 1;
      console.log(`  ok (React ${r.label})`);
    } catch (error) {
      failed += 1;
      const e = error as Error & { stderr?: string; stdout?: string };
      console.error(`  FAILED (React ${r.label}): ${e.message}\n${e.stderr ?? ''}${e.stdout ?? ''}`);
    }
    timings[`react${r.label}`] = Math.round((performance.now() - t1) / 1000);
  }
  if (!keep) rmSync(work, { recursive: true, force: true });
  const total = Math.round((performance.now() - t0) / 1000);
  console.log(
    `consumer test: ${total} s total (${Object.entries(timings)
      .map(([k, v]) => `${k} ${v} s`)
      .join(', ')})`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  if (failed) process.exitCode = 1;
}

await main();
