/**
 * Relay section of `npm run bench` (alone: `npm run bench -- --only relay`):
 * 1,000 concurrent SSE clients on one relay instance (in-memory broker), then
 * on instance B of two instances sharing a real redis-server while events are
 * published on instance A. Reports memory per connection (heap and RSS of the
 * relay process, after a full GC) and fan-out latency from publish (the
 * publishing HTTP request leaving this process) to receipt by each client.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startRedis } from '../test/relay/redisServer';

const root = resolve(import.meta.dirname, '..');
const CLIENTS = Number(process.env.RELAY_BENCH_CLIENTS ?? 1000);
const MB = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const kB = (b: number) => `${(b / 1024).toFixed(1)} kB`;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const now = () => performance.timeOrigin + performance.now();

interface Instance {
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function startInstance(redisUrl?: string): Promise<Instance> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(root, 'bench/relayServer.ts'), ...(redisUrl ? [redisUrl] : [])],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((res, rej) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) res(Number(m[1]));
    });
    child.once('exit', (code) => rej(new Error(`relay instance exited (${code})`)));
  });
  return {
    port,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

async function stats(
  port: number,
): Promise<{ heapUsed: number; rss: number; external: number; streams: number }> {
  const res = await fetch(`http://127.0.0.1:${port}/stats`);
  return (await res.json()) as { heapUsed: number; rss: number; external: number; streams: number };
}

async function publish(port: number, userIds: string[], event: object): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}/publish`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userIds, event }),
  });
  if (res.status !== 204) throw new Error(`publish: ${res.status}`);
}

/** One SSE client on a raw socket: records receipt latency of each `{sentAt}` event. */
function connect(port: number, user: string, onEvent: (latencyMs: number, n: number) => void) {
  return new Promise<() => void>((resolveOpen, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `/events?user=${user}`,
        agent,
        headers: { accept: 'text/event-stream' },
      },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream ${res.statusCode}`));
        let buffer = '';
        let opened = false;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            if (!opened && block.includes('event: ready')) {
              opened = true;
              resolveOpen(() => req.destroy());
            }
            const data = /^data: (\{"sentAt".*)$/m.exec(block)?.[1];
            if (data) {
              const e = JSON.parse(data) as { sentAt: number; n: number };
              onEvent(now() - e.sentAt, e.n);
            }
          }
        });
        res.on('error', () => undefined);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

interface SectionResult {
  setup: string;
  clients: number;
  heapPerConnection: number;
  rssPerConnection: number;
  connectMs: number;
  baseRss: number;
  baseHeap: number;
  oneUser: { p50: number; p99: number; samples: number };
  allUsers: { p50: number; p99: number; samples: number; lost: number };
}

async function measure(setup: string, publishPort: number, streamPort: number): Promise<SectionResult> {
  const before = await stats(streamPort);
  const latencies: number[][] = [[], []];
  let phase = 0;
  const seen = new Map<number, number>();
  const started = Date.now();
  const closers: Array<() => void> = [];
  // In batches, as browsers arrive: all at once would measure the accept queue, not the relay.
  for (let i = 0; i < CLIENTS; i += 100)
    closers.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(100, CLIENTS - i) }, (_, j) =>
          connect(streamPort, `user_${i + j}`, (ms, n) => {
            latencies[phase]!.push(ms);
            seen.set(n, (seen.get(n) ?? 0) + 1);
          }),
        ),
      )),
    );
  const connectMs = Date.now() - started;
  await new Promise((r) => setTimeout(r, 500));
  const after = await stats(streamPort);
  if (after.streams < CLIENTS) throw new Error(`only ${after.streams} streams open`);

  // One user's event at a time (a message for one person), 300 of them.
  for (let n = 0; n < 300; n++) {
    await publish(publishPort, [`user_${(n * 7) % CLIENTS}`], { sentAt: now(), n });
    await new Promise((r) => setTimeout(r, 5));
  }
  await new Promise((r) => setTimeout(r, 500));
  // Every user at once (e.g. an announcement), 5 rounds: 5,000 deliveries.
  phase = 1;
  for (let round = 0; round < 5; round++) {
    const userIds = Array.from({ length: CLIENTS }, (_, i) => `user_${i}`);
    await publish(publishPort, userIds, { sentAt: now(), n: 1000 + round });
    await new Promise((r) => setTimeout(r, 1000));
  }
  const expected = 5 * CLIENTS;
  for (const close of closers) close();
  return {
    setup,
    clients: CLIENTS,
    heapPerConnection: (after.heapUsed - before.heapUsed) / CLIENTS,
    rssPerConnection: (after.rss - before.rss) / CLIENTS,
    connectMs,
    baseRss: before.rss,
    baseHeap: before.heapUsed,
    oneUser: { p50: pct(latencies[0]!, 50), p99: pct(latencies[0]!, 99), samples: latencies[0]!.length },
    allUsers: {
      p50: pct(latencies[1]!, 50),
      p99: pct(latencies[1]!, 99),
      samples: latencies[1]!.length,
      lost: expected - latencies[1]!.length,
    },
  };
}

/** Runs both setups and returns their rows. */
export async function runRelayBench(): Promise<SectionResult[]> {
  const results: SectionResult[] = [];
  console.log(`relay: ${CLIENTS} SSE clients on one instance (in-memory broker)…`);
  const single = await startInstance();
  try {
    results.push(await measure('1 instance, in-memory', single.port, single.port));
  } finally {
    await single.stop();
  }
  console.log(`relay: ${CLIENTS} SSE clients on instance B, published on instance A, Redis between…`);
  const redis = await startRedis();
  const a = await startInstance(redis.url);
  const b = await startInstance(redis.url);
  try {
    results.push(await measure('2 instances on Redis (A → B)', a.port, b.port));
  } finally {
    await a.stop();
    await b.stop();
    await redis.stop();
    agent.destroy();
  }
  console.table(
    results.map((r) => ({
      setup: r.setup,
      clients: r.clients,
      'heap / conn': kB(r.heapPerConnection),
      'RSS / conn': kB(r.rssPerConnection),
      'connect all': `${r.connectMs} ms`,
      'one user p50': `${r.oneUser.p50.toFixed(1)} ms`,
      'one user p99': `${r.oneUser.p99.toFixed(1)} ms`,
      'all users p50': `${r.allUsers.p50.toFixed(1)} ms`,
      'all users p99': `${r.allUsers.p99.toFixed(1)} ms`,
      lost: r.allUsers.lost,
    })),
  );
  for (const r of results)
    console.log(`  ${r.setup}: relay process before clients ${MB(r.baseRss)} RSS, ${MB(r.baseHeap)} heap`);
  return results;
}
