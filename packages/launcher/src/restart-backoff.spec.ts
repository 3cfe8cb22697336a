import { describe, expect, it } from '@jest/globals';
import { RestartBackoff } from './restart-backoff';

describe('RestartBackoff', () => {
  it('waits 0.5 s after a first crash and doubles while the service keeps crashing, up to 30 s', () => {
    const backoff = new RestartBackoff();
    const delays = Array.from({ length: 9 }, () => backoff.next(1_000));
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('starts again from 0.5 s once the service has stayed up a minute', () => {
    const backoff = new RestartBackoff();
    backoff.next(1_000);
    backoff.next(1_000);
    expect(backoff.next(59_999)).toBe(2_000);
    expect(backoff.next(60_000)).toBe(500);
    expect(backoff.next(10)).toBe(1_000);
  });
});
