import { describe, expect, it } from '@jest/globals';
import { acceptRequestId, currentRequestId, isRequestId, withRequestId } from './request-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('takes 1 to 128 letters, digits, dots, underscores, colons and hyphens', () => {
    for (const ok of ['a', 'A-Z.0_9:x', 'ministry-7:2f0c', '0190f3b2-7c4e-7000-8000-000000000000', 'x'.repeat(128)]) {
      expect(isRequestId(ok)).toBe(true);
      expect(acceptRequestId(ok)).toBe(ok);
    }
  });

  it('replaces anything else with a new UUID', () => {
    const bad: unknown[] = [
      '',
      'x'.repeat(129),
      'two words',
      'a/b',
      'semi;colon',
      'new\nline',
      'ünïcode',
      '<script>',
      'a\u0000b',
      undefined,
      null,
      42,
      { id: 'x' },
    ];
    for (const given of bad) {
      expect(isRequestId(given)).toBe(false);
      expect(acceptRequestId(given)).toMatch(UUID);
    }
    expect(acceptRequestId('x')).toBe('x');
    expect(acceptRequestId(undefined)).not.toBe(acceptRequestId(undefined));
  });

  it('reads the first of a header sent twice', () => {
    expect(acceptRequestId(['first', 'second'])).toBe('first');
    expect(acceptRequestId(['bad one', 'second'])).toMatch(UUID);
  });

  it('is the current request id inside the work, across awaits, and nowhere else', async () => {
    expect(currentRequestId()).toBeUndefined();
    const seen = await withRequestId('r-1', async () => {
      await new Promise((r) => setTimeout(r, 1));
      const inner = await withRequestId('r-2', () => Promise.resolve(currentRequestId()));
      return [currentRequestId(), inner];
    });
    expect(seen).toEqual(['r-1', 'r-2']);
    expect(currentRequestId()).toBeUndefined();
  });
});
