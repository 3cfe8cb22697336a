import { defineMachine } from '../state-machine';

export const FAN_OUT_STATUSES = ['running', 'completed', 'failed', 'cancelled'] as const;
export type FanOutStatusName = (typeof FAN_OUT_STATUSES)[number];

/**
 * A fan-out works through its creators a batch at a time until it has
 * decided them all; a campaign manager may cancel it on the way (the offers
 * already made stay); one whose batches keep failing gives up after
 * FAN_OUT_MAX_ATTEMPTS attempts in a row and is failed, with the reason.
 *
 * running → completed | failed | cancelled
 */
export const fanOutMachine = defineMachine('A fan-out', 'fan_out.status_transition_forbidden', FAN_OUT_STATUSES, {
  running: { complete: 'completed', fail: 'failed', cancel: 'cancelled' },
});

/** Attempts in a row (a batch that fails, e.g. its registry query) before a fan-out is failed. */
export const FAN_OUT_MAX_ATTEMPTS = 8;

/**
 * How long to wait before the next attempt after `failures` failed attempts
 * in a row: doubling from `baseMs`, at most a minute. With the defaults a
 * fan-out keeps trying for about three minutes (a registry or NATS restart
 * fits in), not for ever.
 */
export function fanOutRetryDelayMs(failures: number, baseMs = 1000): number {
  return Math.min(baseMs * 2 ** Math.max(0, failures - 1), 60_000);
}
