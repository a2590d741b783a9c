// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runLoad } from './runLoad';

describe('load (small): the reference server over real HTTP on 127.0.0.1', () => {
  it('5 clients for 2 s: nothing lost or duplicated, repeats answer the stored message, unread counts right', async () => {
    const r = await runLoad({ clients: 5, durationMs: 2000, failureRate: 0.05, repeatRate: 0.2 });
    expect(r.acknowledged).toBeGreaterThan(50);
    expect(r.errorResponses).toBeGreaterThan(0); // the simulated failures happened and were retried
    expect(r.deliberateRepeats).toBeGreaterThan(0);
    expect(r.repeatsAnsweredWithSameId).toBe(r.deliberateRepeats);
    expect(r.check).toEqual({
      lost: 0,
      duplicated: 0,
      storedButNotAcknowledged: 0,
      unreadMismatches: [],
      ok: true,
    });
  }, 30_000);
});
