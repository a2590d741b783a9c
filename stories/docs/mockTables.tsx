/**
 * Live tables for the mock-server page: the identities and knob defaults come
 * from the reference server's own code, so the page cannot go stale.
 */
import { createKnobs } from '../../src/mock/knobs';
import type { MockKnobs } from '../../src/mock/knobs';
import { createMockDb, listIdentities } from '../../src/mock/server';

/** Every identity of the seeded reference server (seed 1). */
export function IdentityTable() {
  const identities = listIdentities(createMockDb({ seed: 1 }));
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">API</th>
          <th scope="col">Role</th>
          <th scope="col">User id</th>
          <th scope="col">Token</th>
          <th scope="col">Good for</th>
        </tr>
      </thead>
      <tbody>
        {identities.map((i) => (
          <tr key={i.id}>
            <th scope="row">{i.name}</th>
            <td>{i.api}</td>
            <td>{i.role}</td>
            <td>
              <code>{i.id}</code>
            </td>
            <td>
              <code>{i.token}</code>
            </td>
            <td>{i.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const KNOB_HELP: Partial<Record<keyof MockKnobs, string>> = {
  latencyMs:
    'Added latency per request, [min, max] ms. startMockWorker() defaults to [80, 400]; Storybook uses [30, 150].',
  failureRate: 'Fraction (0..1) of requests answered with a 500.',
  rateLimit: 'Requests per window per token before a 429 with Retry-After; 0 turns it off.',
  rateLimitWindowMs: 'The rate-limit window.',
  autoReply: 'Whether the counterpart answers a sent message.',
  autoReplyDelayMs: 'Delay before the auto-reply.',
  deliveryDelayMs: 'Delay of each SMS/email delivery step (Pending → Sent → Delivered).',
  realtime: 'Whether events are pushed over the WebSocket link (/__mock/realtime).',
  quietHours: 'Shop quiet hours for SMS, local hours [start, end).',
};

/** Every knob (functions such as the clock left out) with its Node default (createKnobs) and what it does. */
export function KnobTable() {
  const defaults = createKnobs();
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Knob</th>
          <th scope="col">Default</th>
          <th scope="col">What it does</th>
        </tr>
      </thead>
      <tbody>
        {(Object.keys(defaults) as Array<keyof MockKnobs>)
          .filter((k) => defaults[k] !== undefined && typeof defaults[k] !== 'function')
          .map((k) => (
            <tr key={k}>
              <th scope="row">
                <code>{k}</code>
              </th>
              <td>
                <code>{JSON.stringify(defaults[k])}</code>
              </td>
              <td>{KNOB_HELP[k] ?? 'See src/mock/knobs.ts.'}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
