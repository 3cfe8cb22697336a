import type { RetainedRows } from '@concord/messaging';

/**
 * Which Idempotency-Keys pruning removes: older than the retention and
 * answered, or whose request died (lease run out). A key still held by a
 * live request stays, however old.
 */
export function idempotencyKeyRetention(retentionMs: number): RetainedRows[] {
  return [
    {
      table: 'idempotency_keys',
      expired: "created_at < $1 AND (state = 'completed' OR locked_until < now())",
      retentionMs,
    },
  ];
}
