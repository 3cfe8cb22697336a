import { describe, expect, it } from '@jest/globals';
import { describeLifecycle } from '../state-machine.test-helpers';
import { fanOutMachine, fanOutRetryDelayMs } from './fan-out-status.machine';

describeLifecycle({
  title: 'fan-out',
  what: 'A fan-out',
  code: 'fan_out.status_transition_forbidden',
  statuses: ['running', 'completed', 'failed', 'cancelled'],
  final: ['completed', 'failed', 'cancelled'],
  arrows: ['running --complete--> completed', 'running --fail--> failed', 'running --cancel--> cancelled'],
  machine: fanOutMachine,
});

describe('fan-out retries', () => {
  it('backs off, doubling up to a minute', () => {
    expect([1, 2, 3, 4].map((n) => fanOutRetryDelayMs(n))).toEqual([1000, 2000, 4000, 8000]);
    expect(fanOutRetryDelayMs(30)).toBe(60_000);
    expect(fanOutRetryDelayMs(3, 100)).toBe(400);
  });
});
