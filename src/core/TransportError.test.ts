import { describe, expect, it } from 'vitest';
import { TransportError, codeForStatus } from './TransportError';

describe('TransportError', () => {
  it('maps statuses to codes', () => {
    expect([400, 401, 403, 404, 409, 413, 415, 429, 500, 503].map(codeForStatus)).toEqual([
      'validation_failed',
      'unauthorized',
      'forbidden',
      'not_found',
      'conflict',
      'payload_too_large',
      'unsupported_media_type',
      'rate_limited',
      'internal',
      'internal',
    ]);
  });
  it('always has a readable message', () => {
    const e = new TransportError('network', '  ');
    expect(e.message).toBe('Could not reach the server. Check your connection.');
    expect(e).toBeInstanceOf(Error);
    expect(e.retryable).toBe(true);
    expect(new TransportError('forbidden', 'Not your thread').message).toBe('Not your thread');
    expect(new TransportError('forbidden').retryable).toBe(false);
  });
});
