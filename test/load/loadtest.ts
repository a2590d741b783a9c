/**
 * `npm run load [-- --clients 20 --seconds 10 --failure-rate 0.02]`: the
 * bounded load test over real HTTP on 127.0.0.1. Prints throughput, error
 * rate and the checks; writes test/load/results.json; exits 1 if a check fails.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runLoad } from './runLoad';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}

const result = await runLoad({
  clients: arg('clients', 20),
  durationMs: arg('seconds', 10) * 1000,
  failureRate: arg('failure-rate', 0.02),
  repeatRate: arg('repeat-rate', 0.1),
});
const out = fileURLToPath(new URL('./results.json', import.meta.url));
writeFileSync(
  out,
  `${JSON.stringify({ ranAt: new Date().toISOString(), node: process.version, ...result }, null, 2)}\n`,
);
console.log(`clients ${result.clients}, ${result.elapsedMs} ms`);
console.log(`requests ${result.requests}  (${result.requestsPerSecond} req/s)`);
console.log(
  `error responses ${result.errorResponses}  (rate ${(result.errorRate * 100).toFixed(1)} %, simulated 500s retried)`,
);
console.log(
  `acknowledged ${result.acknowledged}, gave up ${result.gaveUp}, deliberate repeats ${result.deliberateRepeats} (${result.repeatsAnsweredWithSameId} answered with the same id)`,
);
console.log(
  `latency p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms`,
);
console.log(
  `lost ${result.check.lost}, duplicated ${result.check.duplicated}, stored but not acknowledged ${result.check.storedButNotAcknowledged}, unread mismatches ${result.check.unreadMismatches.length}`,
);
console.log(result.check.ok ? 'OK' : 'FAILED');
console.log(`written ${out}`);
process.exitCode = result.check.ok ? 0 : 1;
