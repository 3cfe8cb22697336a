import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../errors';
import { FAN_OUT_STATUSES, fanOutMachine, fanOutRetryDelayMs } from './fan-out-status.machine';

describe('fan-out status', () => {
  it.each([
    ['complete', 'completed'],
    ['fail', 'failed'],
    ['cancel', 'cancelled'],
  ] as const)('a running fan-out may %s (→ %s)', (move, to) => {
    expect(fanOutMachine.move('running', move)).toBe(to);
  });

  it.each(FAN_OUT_STATUSES.filter((s) => s !== 'running'))(
    'a %s fan-out is final: nothing moves it, cancel included',
    (from) => {
      for (const move of ['complete', 'fail', 'cancel'] as const) {
        expect(() => fanOutMachine.move(from, move)).toThrow(DomainError);
      }
      try {
        fanOutMachine.move(from, 'cancel');
      } catch (error) {
        expect((error as DomainError).code).toBe('fan_out.status_transition_forbidden');
      }
    },
  );

  it('backs off, doubling up to a minute', () => {
    expect([1, 2, 3, 4].map((n) => fanOutRetryDelayMs(n))).toEqual([1000, 2000, 4000, 8000]);
    expect(fanOutRetryDelayMs(30)).toBe(60_000);
    expect(fanOutRetryDelayMs(3, 100)).toBe(400);
  });
});
