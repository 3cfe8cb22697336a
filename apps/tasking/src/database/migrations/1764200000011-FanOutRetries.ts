import { statementsMigration } from '@concord/database';

/**
 * Fan-outs end as completed, failed (after too many failed attempts in a
 * row, with the reason) or cancelled (by a campaign manager, with theirs);
 * the runner takes the least recently attempted first and waits out a
 * failed one's backoff.
 */
export const FanOutRetries1764200000011 = statementsMigration(
  'FanOutRetries1764200000011',
  [
    'ALTER TABLE fan_outs DROP CONSTRAINT fan_outs_status_check',
    `ALTER TABLE fan_outs ADD CONSTRAINT fan_outs_status_check CHECK (status IN ('running', 'completed', 'failed', 'cancelled'))`,
    `ALTER TABLE fan_outs
      ADD COLUMN failed_attempts int NOT NULL DEFAULT 0,
      ADD COLUMN last_attempt_at timestamptz NULL,
      ADD COLUMN next_attempt_at timestamptz NULL,
      ADD COLUMN reason text NULL`,
    'DROP INDEX fan_outs_running',
    `CREATE INDEX fan_outs_running ON fan_outs (last_attempt_at NULLS FIRST, created_at) WHERE status = 'running'`,
  ],
  [
    'DROP INDEX fan_outs_running',
    `CREATE INDEX fan_outs_running ON fan_outs (created_at) WHERE status = 'running'`,
    'ALTER TABLE fan_outs DROP COLUMN failed_attempts, DROP COLUMN last_attempt_at, DROP COLUMN next_attempt_at, DROP COLUMN reason',
    'ALTER TABLE fan_outs DROP CONSTRAINT fan_outs_status_check',
    `ALTER TABLE fan_outs ADD CONSTRAINT fan_outs_status_check CHECK (status IN ('running', 'completed'))`,
  ],
);
