/**
 * `tsx test/ssr/renderServer.cli.tsx`: server-renders every case in plain Node against
 * the reference server and prints `ServerRender[]` as JSON (for hydrate.test.tsx).
 */
import { createMockServer } from '../../src/mock/node';
import { SSR_CASES, renderOnServer } from './serverRender';
import type { ServerRender } from './serverRender';

if (typeof window !== 'undefined' || typeof document !== 'undefined')
  throw new Error('expected plain Node without a DOM');
const mock = createMockServer({ seed: 1, knobs: { autoReply: false, latencyMs: [0, 0] } });
mock.listen();
try {
  const out: ServerRender[] = [];
  for (const name of Object.keys(SSR_CASES)) out.push(await renderOnServer(name));
  process.stdout.write(JSON.stringify(out));
} finally {
  mock.close();
}
