import { describe, expect, it } from '@jest/globals';
import { caught as refusal } from '../errors.test-helpers';
import { assertCountersGrow, type ReachReading } from './reach-counters';

const reading = (at: string, views: number, likes = 0): ReachReading => ({ at, views, likes, comments: 0, shares: 0 });

describe('reach counters only grow', () => {
  const before = reading('2026-12-01T09:00:00.000Z', 350_000, 20_000);
  const after = reading('2026-12-03T09:00:00.000Z', 900_000, 50_000);

  it('accepts a first reading, a growing one and an equal one', () => {
    expect(() => assertCountersGrow(reading('2026-12-02T09:00:00.000Z', 1), {})).not.toThrow();
    expect(() =>
      assertCountersGrow(reading('2026-12-02T09:00:00.000Z', 400_000, 20_000), { previous: before, next: after }),
    ).not.toThrow();
    expect(() =>
      assertCountersGrow(reading('2026-12-02T09:00:00.000Z', 350_000, 50_000), { previous: before, next: after }),
    ).not.toThrow();
  });

  it('refuses 1,000 views after 350,000, with both readings and the field', () => {
    const e = refusal(() =>
      assertCountersGrow(reading('2026-12-02T09:00:00.000Z', 1_000, 25_000), { previous: before }),
    );
    expect(e.code).toBe('metrics.counter_decreased');
    expect(e.errors).toEqual([expect.objectContaining({ path: 'input.views', code: 'below_previous' })]);
    expect(e.extensions).toEqual({
      previous: { at: before.at, views: 350_000, likes: 20_000, comments: 0, shares: 0 },
      sent: { at: '2026-12-02T09:00:00.000Z', views: 1_000, likes: 25_000, comments: 0, shares: 0 },
    });
  });

  it('refuses a reading slipped in before a later, smaller one', () => {
    const e = refusal(() =>
      assertCountersGrow(reading('2026-12-02T09:00:00.000Z', 400_000, 60_000), { previous: before, next: after }),
    );
    expect(e.errors).toEqual([expect.objectContaining({ path: 'input.likes', code: 'above_next' })]);
    expect(e.extensions).toMatchObject({ next: { views: 900_000, likes: 50_000 } });
  });

  it('accepts a correction, whatever the figures', () => {
    expect(() =>
      assertCountersGrow(
        reading('2026-12-02T09:00:00.000Z', 1_000),
        { previous: before, next: after },
        { reason: 'The platform counted bot views' },
      ),
    ).not.toThrow();
  });
});
