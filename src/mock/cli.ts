/**
 * `npm run mock-server -- --port 4010 [--size large] [--seed 1] [--latency 0] [--relay [--relay-port 4011]]`
 * serves the reference server over real HTTP on 127.0.0.1 (see httpBridge.ts); `--relay`
 * also sends its realtime events through a relay (Server-Sent Events, see relay.ts).
 */
import { startHttpServer } from './httpBridge';
import { listIdentities } from './server';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const port = Number(arg('port', process.env.PORT ?? '4010'));
const size = arg('size', 'small') === 'large' ? 'large' : 'small';
const seed = Number(arg('seed', '1'));
const latency = Number(arg('latency', '0'));

const list = (name: string) =>
  arg(name, '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const allowedOrigins = list('allow-origin');
const { ctx, url } = await startHttpServer({
  port,
  seed,
  size,
  knobs: { latencyMs: [latency, latency] },
  allowedHosts: list('allow-host'),
  ...(allowedOrigins.length ? { allowedOrigins } : {}),
});
console.log(`inbox-kit reference server on ${url}  (size ${size}, seed ${seed})`);
console.log('  marketplace: /v1/messages/*, /api/messages/*, /api/notifications/*   shopmonkey: /v3/*');
console.log(
  '  control (POST, JSON body, from an allowed origin): /__mock/identities, /__mock/reset, /__mock/knobs',
);
if (process.argv.includes('--relay')) {
  const { startMockRelay, RELAY_EVENTS_PATH } = await import('./relay');
  const relay = await startMockRelay(ctx, { port: Number(arg('relay-port', String(port + 1))) });
  console.log(`  realtime via relay: ${relay.url}${RELAY_EVENTS_PATH}?token=<token> (Server-Sent Events)`);
}
console.log('\nIdentities (use as "Authorization: Bearer <token>"):');
for (const i of listIdentities(ctx.db))
  console.log(`  ${i.api.padEnd(11)} ${i.role.padEnd(6)} ${i.id.padEnd(28)} ${i.name.padEnd(22)} ${i.token}`);
