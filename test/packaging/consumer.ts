/**
 * Consumer test: installs the packed package into fresh apps outside the repository, exactly
 * as a host would, builds them for production and loads them in Chromium.
 *
 *   npm run test:consumer                       # build, pack, every app below
 *   npm run test:consumer -- --only next        # some apps: vite19, vite18, next, tailwind
 *   npm run test:consumer -- --react 18         # the Vite app of one React major
 *   npm run test:consumer -- --no-build --keep  # reuse dist/, keep the temp apps
 *
 * Apps:
 * - vite19, vite18: a Vite + React app (React 19 and 18.3) rendering InboxLayout against the
 *   mock worker: conversations render.
 * - next: a Next.js App Router app (React 19) whose server component page imports
 *   `MessagingProvider` and `InboxLayout` from 'inbox-kit' and passes them a transport made in a
 *   "use client" module. `next build`, `next start`: the HTML carries the server-rendered
 *   inbox, the page hydrates without console errors or warnings, and a message is sent.
 * - tailwind: a Vite app with Tailwind v4 (preflight), one page per stylesheet order, plus a
 *   page without Tailwind. Computed styles of buttons, headings, lists, images, bubble text
 *   and the composer must equal those without Tailwind in both orders, a Tailwind utility on
 *   the widget must win, and `theme="system"` must follow prefers-color-scheme.
 *
 * Installs use `--prefer-offline` (the npm cache is shared between apps and runs). Each step
 * prints its time; each check prints ok/FAILED; the last line is `N passed, N failed`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, serveStatic as serve } from '../../bench/browser';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};
const dev = pkg.devDependencies;
const args = process.argv.slice(2);
const react = args.includes('--react') ? args[args.indexOf('--react') + 1] : undefined;
const onlyArg = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const keep = args.includes('--keep');

/** The host frameworks under test, pinned so a run is reproducible (bump on purpose). */
const NEXT = '16.5.0';
const TAILWIND = '4.3.5';

const APPS = ['vite19', 'vite18', 'next', 'tailwind'].filter((a) =>
  onlyArg ? onlyArg.split(',').includes(a) : react ? a === `vite${react}` : true,
);

function step<T>(label: string, fn: () => T): T {
  const t0 = performance.now();
  const out = fn();
  console.log(`  ${label.padEnd(40)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
  return out;
}
async function stepAsync<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  console.log(`  ${label.padEnd(40)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
  return out;
}
const env = { ...process.env, NO_COLOR: '1', NEXT_TELEMETRY_DISABLED: '1' };
const run = (cmd: string, argv: string[], cwd: string) =>
  execFileSync(cmd, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env });
const install = (dir: string) =>
  step('npm install', () =>
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], dir),
  );

/** The peers every host installs, at the versions this repository tests with. */
function peers(tarball: string, reactVersion: string): Record<string, string> {
  return {
    'inbox-kit': `file:${tarball}`,
    react: reactVersion,
    'react-dom': reactVersion,
    '@tanstack/react-query': dev['@tanstack/react-query']!,
    zustand: dev['zustand']!,
    'date-fns': dev['date-fns']!,
    msw: dev['msw']!,
  };
}
const writeJson = (file: string, value: unknown) =>
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

/** One check's outcome. */
interface Check {
  name: string;
  ok: boolean;
  detail?: string;
}
const check = (name: string, ok: boolean, detail?: string): Check => ({ name, ok, detail });

/** Console errors/warnings, uncaught errors and failed requests of a page. */
function watch(page: Page, { warnings }: { warnings: boolean }): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || (warnings && m.type() === 'warning'))
      problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Vite + React 19 / 18.3

function writeViteApp(dir: string, tarball: string, reactVersion: string): void {
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeJson(join(dir, 'package.json'), {
    name: 'inbox-kit-consumer',
    private: true,
    type: 'module',
    dependencies: peers(tarball, reactVersion),
    devDependencies: { vite: dev['vite'], '@vitejs/plugin-react': dev['@vitejs/plugin-react'] },
  });
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

async function viteApp(work: string, tarball: string, label: '19' | '18'): Promise<Check[]> {
  const version = label === '19' ? dev['react']! : '18.3.1';
  console.log(`Vite + React ${version}:`);
  const dir = join(work, `app-react${label}`);
  writeViteApp(dir, tarball, version);
  install(dir);
  step('npx msw init public', () => run('npx', ['--no-install', 'msw', 'init', 'public'], dir));
  step('vite build', () => run('npx', ['--no-install', 'vite', 'build'], dir));
  const server = await serve(join(dir, 'dist'));
  const { context, close } = await launchChromium();
  try {
    const page = await context.newPage();
    const problems = watch(page, { warnings: false });
    return await stepAsync('chromium: conversations render', async () => {
      await page.goto(server.url);
      const rows = page.locator('[role="grid"] [role="row"]');
      await rows.first().waitFor({ timeout: 20_000 });
      await page.getByText('ABC Trucks').first().waitFor({ timeout: 10_000 });
      const names = (await rows.allInnerTexts()).map((t) => t.split('\n')[0] ?? '').slice(0, 3);
      const running = await page.evaluate(
        () => (window as unknown as { __reactVersion: string }).__reactVersion,
      );
      return [
        check(
          `vite${label}: conversations render on React ${running}`,
          running.startsWith(label) && names.length > 0,
          `rows: ${names.join(' | ')}`,
        ),
        check(`vite${label}: no console errors`, problems.length === 0, problems.join('\n    ')),
      ];
    });
  } finally {
    await close();
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Next.js App Router

/**
 * The host's files, as the README's "Next.js" section shows them: the stylesheet in the root
 * layout, the transport in a "use client" module, the page a server component.
 */
function writeNextApp(dir: string, tarball: string): void {
  mkdirSync(join(dir, 'app'), { recursive: true });
  writeJson(join(dir, 'package.json'), {
    name: 'inbox-kit-next-consumer',
    private: true,
    dependencies: { ...peers(tarball, dev['react']!), next: NEXT },
  });
  writeFileSync(
    join(dir, 'app/layout.jsx'),
    `import 'inbox-kit/styles.css';

export const metadata = { title: 'inbox-kit on Next.js' };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  );
  writeFileSync(
    join(dir, 'app/transport.js'),
    `'use client';
// The transport holds functions (getToken), which cannot cross from a server component to a
// client one. Made here, in a client module, it crosses as a reference instead.
import { createMarketplaceTransport } from 'inbox-kit/transports/marketplace';

// The reference server runs in the browser as a service worker; requests wait until it is up.
const ready =
  typeof window === 'undefined'
    ? Promise.resolve()
    : import('inbox-kit/mock/browser').then((m) =>
        m.startMockWorker({ seed: 1, knobs: { latencyMs: [0, 20], autoReply: false } }),
      );

export const transport = createMarketplaceTransport({
  baseUrl: typeof window === 'undefined' ? 'http://localhost/v1' : window.location.origin + '/v1',
  getToken: async () => {
    await ready;
    return 'mk_buyer_1';
  },
});
`,
  );
  writeFileSync(
    join(dir, 'app/page.jsx'),
    `import { InboxLayout, MessagingProvider } from 'inbox-kit';
import { transport } from './transport';

// A server component: no "use client" here.
export default function Page() {
  return (
    <main style={{ height: 600, width: 960 }}>
      <MessagingProvider transport={transport} currentUser={{ id: 'usr_buyer_1', name: 'Anna de Vries' }}>
        <InboxLayout />
      </MessagingProvider>
    </main>
  );
}
`,
  );
  cpSync(join(root, 'public/favicon.svg'), join(dir, 'app/icon.svg'));
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

async function nextApp(work: string, tarball: string): Promise<Check[]> {
  console.log(`Next.js ${NEXT} (App Router, React ${dev['react']}):`);
  const dir = join(work, 'app-next');
  writeNextApp(dir, tarball);
  install(dir);
  step('npx msw init public', () => run('npx', ['--no-install', 'msw', 'init', 'public'], dir));
  step('next build', () => run('npx', ['--no-install', 'next', 'build'], dir));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const server = spawn(
    process.execPath,
    [join(dir, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'],
    { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let serverLog = '';
  server.stdout.on('data', (d: Buffer) => (serverLog += d.toString()));
  server.stderr.on('data', (d: Buffer) => (serverLog += d.toString()));
  const checks: Check[] = [];
  const { context, close } = await launchChromium();
  try {
    const html = await stepAsync('next start', async () => {
      for (let i = 0; ; i++) {
        try {
          const res = await fetch(url);
          return await res.text();
        } catch (e) {
          if (i > 120 || server.exitCode !== null)
            throw new Error(`next start did not answer:\n${serverLog}`);
          await new Promise((r) => setTimeout(r, 250));
          void e;
        }
      }
    });
    checks.push(
      check(
        'next: the server component page renders the inbox into the HTML',
        /class="ik-root ik-layout/.test(html) && html.includes('Search by name or vehicle'),
        html.slice(0, 300),
      ),
    );
    const page = await context.newPage();
    const problems = watch(page, { warnings: true });
    await stepAsync('chromium: hydrate, open, send', async () => {
      await page.goto(url);
      const rows = page.locator('[role="grid"] [role="row"]');
      await rows.first().waitFor({ timeout: 20_000 });
      const hydrated = await page.evaluate(() => {
        const el = document.querySelector('.ik-layout');
        return !!el && Object.keys(el).some((k) => k.startsWith('__reactFiber$'));
      });
      checks.push(check('next: the server-rendered inbox hydrates', hydrated));
      await rows.first().click();
      const text = `Sent from a Next.js server component page ${Date.now()}`;
      await page.getByRole('textbox', { name: 'Message', exact: true }).fill(text);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      const sent = await page
        .getByRole('feed', { name: 'Messages' })
        .getByRole('article')
        .filter({ hasText: text })
        .waitFor({ timeout: 15_000 })
        .then(
          () => true,
          () => false,
        );
      checks.push(check('next: a message is sent and shown in the thread', sent));
      await page.waitForLoadState('networkidle');
    });
    checks.push(
      check(
        'next: no console errors or warnings (hydration included)',
        problems.length === 0,
        problems.join('\n    '),
      ),
    );
  } finally {
    await close();
    server.kill();
  }
  return checks;
}

// ---------------------------------------------------------------------------------------------
// Tailwind v4

/** The stylesheets of the Tailwind app's pages: the same widget under each host setup. */
const TAILWIND_PAGES: Record<string, string> = {
  plain: `@import "inbox-kit/styles.css";\n`,
  'kit-first': `@import "inbox-kit/styles.css";\n@import "tailwindcss";\n`,
  'tailwind-first': `@import "tailwindcss";\n@import "inbox-kit/styles.css";\n`,
  'tailwind-first-ordered': `@layer theme, base, inbox-kit, components, utilities;\n@import "tailwindcss";\n@import "inbox-kit/styles.css";\n`,
};

function writeTailwindApp(dir: string, tarball: string): void {
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeJson(join(dir, 'package.json'), {
    name: 'inbox-kit-tailwind-consumer',
    private: true,
    type: 'module',
    dependencies: peers(tarball, dev['react']!),
    devDependencies: {
      vite: dev['vite'],
      '@vitejs/plugin-react': dev['@vitejs/plugin-react'],
      tailwindcss: TAILWIND,
      '@tailwindcss/vite': TAILWIND,
    },
  });
  // index.html lists the pages (the static server answers unknown paths with it).
  const pages = ['index', ...Object.keys(TAILWIND_PAGES)];
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>pages</title><link rel="icon" href="data:,"></head>\n<body>${Object.keys(
      TAILWIND_PAGES,
    )
      .map((p) => `<a href="/${p}.html">${p}</a>`)
      .join(' ')}</body></html>\n`,
  );
  writeFileSync(
    join(dir, 'vite.config.js'),
    `import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: { rollupOptions: { input: { ${pages.map((p) => `'${p}': resolve(import.meta.dirname, '${p}.html')`).join(', ')} } } },
});
`,
  );
  for (const [name, css] of Object.entries(TAILWIND_PAGES)) {
    writeFileSync(join(dir, `src/${name}.css`), css);
    writeFileSync(
      join(dir, `${name}.html`),
      `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${name}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/src/${name}.css"></head>\n<body><div id="root" style="display:flex;gap:16px"></div><script type="module" src="/src/main.jsx"></script></body></html>\n`,
    );
  }
  writeFileSync(
    join(dir, 'src/main.jsx'),
    `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MessagingProvider, InboxLayout, NotificationList } from 'inbox-kit';
import { createMarketplaceTransport } from 'inbox-kit/transports/marketplace';
import { startMockWorker } from 'inbox-kit/mock/browser';

const theme = new URLSearchParams(location.search).get('theme') ?? 'light';
await startMockWorker({ seed: 1, knobs: { latencyMs: [0, 0], autoReply: false } });
const transport = createMarketplaceTransport({ baseUrl: location.origin + '/v1', getToken: () => 'mk_buyer_1' });
createRoot(document.getElementById('root')).render(
  <StrictMode>
    <MessagingProvider transport={transport} currentUser={{ id: 'usr_buyer_1', name: 'Anna de Vries' }} theme={theme}>
      <div style={{ height: 640, width: 960, flex: 'none' }}>
        <InboxLayout className="rounded-none" />
      </div>
      <div style={{ width: 360, flex: 'none' }}>
        <NotificationList />
      </div>
    </MessagingProvider>
  </StrictMode>,
);
`,
  );
}

/** Properties a reset changes and a user would see. */
const PROPS = [
  'display',
  'box-sizing',
  'width',
  'height',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border-top-width',
  'border-top-style',
  'border-top-color',
  'border-left-width',
  'border-left-style',
  'border-top-left-radius',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'line-height',
  'letter-spacing',
  'color',
  'background-color',
  'text-decoration-line',
  'text-align',
  'list-style-type',
  'vertical-align',
  'max-width',
  'appearance',
  'cursor',
  'opacity',
];

/** Key elements of the widget, named by what a user sees; up to `max` of each. */
const TARGETS: Array<[string, string, number]> = [
  ['button', '.ik-root button', 12],
  ['heading', '.ik-root :is(h1, h2, h3, h4)', 8],
  ['list', '.ik-root :is(ul, ol)', 4],
  ['list item', '.ik-root li', 4],
  ['image', '.ik-root img', 6],
  ['icon', '.ik-root svg', 6],
  ['bubble', '[role="feed"] article, [role="feed"] article *', 24],
  ['composer', '.ik-root textarea, .ik-root input, .ik-root label', 12],
  ['paragraph', '.ik-root p', 8],
];

type Styles = Record<string, Record<string, string>>;

/** Opens a page, selects the first conversation, and reads computed styles of every target. */
async function stylesOf(page: Page, url: string): Promise<{ styles: Styles; radius: string }> {
  // Each page starts from the same state: no selection or drafts kept from the previous one.
  await page.goto(new URL('/', url).href);
  await page.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  await page.goto(url);
  const first = page.locator('[role="grid"] [role="row"]').first();
  await first.click({ timeout: 20_000 });
  await page
    .getByRole('feed', { name: 'Messages' })
    .getByRole('article')
    .first()
    .waitFor({ timeout: 15_000 });
  // Opening marks the conversation read, which removes the row's "mark read" action: wait for
  // that, or pages compared mid-way differ in their buttons rather than their styles.
  await first.locator('[data-cell="read"]').waitFor({ state: 'detached', timeout: 15_000 });
  await page.locator('.ik-notifications li, .ik-root li').first().waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  await page.evaluate(() =>
    Promise.all(Array.from(document.images).map((i) => i.decode().catch(() => null))),
  );
  await page.mouse.move(0, 0);
  return page.evaluate(
    ({ targets, props }) => {
      const styles: Record<string, Record<string, string>> = {};
      for (const [name, selector, max] of targets) {
        Array.from(document.querySelectorAll(selector))
          .slice(0, max)
          .forEach((el, i) => {
            const cs = getComputedStyle(el);
            const label = `${name} ${i + 1} <${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">`;
            styles[label] = Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
          });
      }
      const layout = document.querySelector('.ik-layout');
      return { styles, radius: layout ? getComputedStyle(layout).borderTopLeftRadius : '' };
    },
    { targets: TARGETS, props: PROPS },
  );
}

/** Differences between two style maps, as readable lines. */
function diff(a: Styles, b: Styles): string[] {
  const out: string[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!a[key] || !b[key]) {
      out.push(`${key}: only ${a[key] ? 'without' : 'with'} Tailwind`);
      continue;
    }
    for (const p of PROPS) if (a[key][p] !== b[key][p]) out.push(`${key} ${p}: ${a[key][p]} → ${b[key][p]}`);
  }
  return out;
}

async function tailwindApp(work: string, tarball: string): Promise<Check[]> {
  console.log(`Tailwind ${TAILWIND} (preflight) in Vite + React ${dev['react']}:`);
  const dir = join(work, 'app-tailwind');
  writeTailwindApp(dir, tarball);
  install(dir);
  step('npx msw init public', () => run('npx', ['--no-install', 'msw', 'init', 'public'], dir));
  step('vite build', () => run('npx', ['--no-install', 'vite', 'build'], dir));
  const server = await serve(join(dir, 'dist'));
  const { context, close } = await launchChromium();
  const checks: Check[] = [];
  try {
    const page = await context.newPage();
    const problems = watch(page, { warnings: false });
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    const read = (name: string, query = '') =>
      stepAsync(`chromium: ${name}${query}`, () => stylesOf(page, `${server.url}${name}.html${query}`));
    const plain = await read('plain');
    const count = Object.keys(plain.styles).length;
    const groups = new Set(Object.keys(plain.styles).map((k) => k.replace(/ \d+ <.*$/, '')));
    checks.push(
      check(
        `tailwind: the page without Tailwind shows every kind of element (${count} elements)`,
        TARGETS.every(([name]) => groups.has(name)),
        `found: ${[...groups].join(', ')}`,
      ),
    );
    for (const name of ['kit-first', 'tailwind-first']) {
      const withTw = await read(name);
      const d = diff(plain.styles, withTw.styles);
      checks.push(
        check(
          `tailwind: ${name}: ${count} elements × ${PROPS.length} computed styles equal the page without Tailwind`,
          d.length === 0,
          `${d.length} differences, first: ${d.slice(0, 20).join('\n    ')}`,
        ),
      );
      if (name === 'kit-first')
        checks.push(
          check(
            'tailwind: kit-first: a utility on the widget (rounded-none) wins',
            withTw.radius === '0px' && plain.radius !== '0px',
            `border radius ${plain.radius} without Tailwind, ${withTw.radius} with`,
          ),
        );
      else
        console.log(
          `  tailwind-first without a layer order: widget radius ${withTw.radius} (the kit's layer comes last)`,
        );
    }
    const ordered = await read('tailwind-first-ordered');
    const d = diff(plain.styles, ordered.styles);
    checks.push(
      check(
        'tailwind: tailwind-first with the README layer order: styles equal and the utility wins',
        d.length === 0 && ordered.radius === '0px',
        `radius ${ordered.radius}; ${d.length} differences, first: ${d.slice(0, 20).join('\n    ')}`,
      ),
    );
    // theme="system" follows the operating system's colour scheme.
    const background = async (query: string, scheme: 'light' | 'dark') => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${server.url}plain.html${query}`);
      await page.locator('.ik-layout').waitFor({ timeout: 20_000 });
      return page.evaluate(() => {
        const el = document.querySelector('.ik-layout')!;
        const cs = getComputedStyle(el);
        const vars = [
          '--ik-bg',
          '--ik-fg',
          '--ik-success',
          '--ik-warning',
          '--ik-note-border',
          '--ik-bubble-out-fg',
        ];
        return `${cs.backgroundColor} ${vars.map((v) => cs.getPropertyValue(v).trim()).join(' ')}`;
      });
    };
    const systemDark = await background('?theme=system', 'dark');
    const dark = await background('?theme=dark', 'light');
    const systemLight = await background('?theme=system', 'light');
    const light = await background('?theme=light', 'dark');
    checks.push(
      check(
        'theme="system": dark tokens under prefers-color-scheme: dark, light ones otherwise',
        systemDark === dark && systemLight === light && dark !== light,
        `system+dark ${systemDark} | dark ${dark} | system+light ${systemLight} | light ${light}`,
      ),
    );
    checks.push(check('tailwind: no console errors', problems.length === 0, problems.join('\n    ')));
  } finally {
    await close();
    await server.close();
  }
  return checks;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const t0 = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'ik-consumer-'));
  console.log(`consumer test in ${work} (${APPS.join(', ')})`);
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
    console.log(`0 passed, ${APPS.length} failed`);
    process.exitCode = 1;
    return;
  }
  const tarball = join(work, tarName);
  let passed = 0;
  let failed = 0;
  const timings: string[] = [];
  const runners: Record<string, () => Promise<Check[]>> = {
    vite19: () => viteApp(work, tarball, '19'),
    vite18: () => viteApp(work, tarball, '18'),
    next: () => nextApp(work, tarball),
    tailwind: () => tailwindApp(work, tarball),
  };
  for (const app of APPS) {
    const t1 = performance.now();
    try {
      for (const c of await runners[app]!()) {
        if (c.ok) passed += 1;
        else failed += 1;
        console.log(`  ${c.ok ? 'ok' : 'FAILED'}: ${c.name}${c.ok || !c.detail ? '' : `\n    ${c.detail}`}`);
      }
    } catch (error) {
      failed += 1;
      const e = error as Error & { stderr?: string; stdout?: string };
      console.error(
        `  FAILED (${app}): ${e.message}\n${(e.stderr ?? '').slice(-6000)}${(e.stdout ?? '').slice(-6000)}`,
      );
    }
    timings.push(`${app} ${Math.round((performance.now() - t1) / 1000)} s`);
  }
  // Removing the apps' node_modules takes longer than most steps on a slow disk: it runs on after we exit.
  if (!keep) spawn('rm', ['-rf', work], { detached: true, stdio: 'ignore' }).unref();
  console.log(
    `consumer test: ${Math.round((performance.now() - t0) / 1000)} s total (${timings.join(', ')})`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  if (failed) process.exitCode = 1;
}

await main();
