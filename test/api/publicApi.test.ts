/**
 * The public surface, made visible in review: the runtime export names of each
 * package entry, compared with the committed `test/api/public-api.txt`. A change
 * to what an entry exports fails here until that file is updated with it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const REPORT = resolve(import.meta.dirname, 'public-api.txt');

/** Package entry (as in package.json `exports`) → its source module. */
const ENTRIES: Record<string, () => Promise<Record<string, unknown>>> = {
  'inbox-kit': () => import('../../src/react/index'),
  'inbox-kit/core': () => import('../../src/core/index'),
  'inbox-kit/transports/marketplace': () => import('../../src/transports/marketplace/index'),
  'inbox-kit/transports/shopmonkey': () => import('../../src/transports/shopmonkey/index'),
  'inbox-kit/server': () => import('../../src/server/index'),
  'inbox-kit/mock': () => import('../../src/mock/index'),
};

async function report(): Promise<string> {
  const sections: string[] = [];
  for (const [entry, load] of Object.entries(ENTRIES)) {
    const names = Object.keys(await load()).sort();
    sections.push(`# ${entry} (${names.length} runtime exports)\n${names.join('\n')}\n`);
  }
  return sections.join('\n');
}

it('each entry exports exactly the runtime names in test/api/public-api.txt', async () => {
  const actual = await report();
  if (process.env.UPDATE_API === '1') writeFileSync(REPORT, actual);
  const committed = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '';
  expect(
    actual,
    'The public API changed. If that is intended, run `UPDATE_API=1 npx vitest run test/api` and commit test/api/public-api.txt.',
  ).toBe(committed);
}, 60_000);
