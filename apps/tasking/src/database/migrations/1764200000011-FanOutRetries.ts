import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fan-outs end as completed, failed (after too many failed attempts in a
 * row, with the reason) or cancelled (by a campaign manager, with theirs);
 * the runner takes the least recently attempted first and waits out a
 * failed one's backoff.
 */
export class FanOutRetries1764200000011 implements MigrationInterface {
  name = 'FanOutRetries1764200000011';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE fan_outs DROP CONSTRAINT fan_outs_status_check');
    await db.query(
      `ALTER TABLE fan_outs ADD CONSTRAINT fan_outs_status_check CHECK (status IN ('running', 'completed', 'failed', 'cancelled'))`,
    );
    await db.query(`ALTER TABLE fan_outs
      ADD COLUMN failed_attempts int NOT NULL DEFAULT 0,
      ADD COLUMN last_attempt_at timestamptz NULL,
      ADD COLUMN next_attempt_at timestamptz NULL,
      ADD COLUMN reason text NULL`);
    await db.query('DROP INDEX fan_outs_running');
    await db.query(
      `CREATE INDEX fan_outs_running ON fan_outs (last_attempt_at NULLS FIRST, created_at) WHERE status = 'running'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX fan_outs_running');
    await db.query(`CREATE INDEX fan_outs_running ON fan_outs (created_at) WHERE status = 'running'`);
    await db.query(
      'ALTER TABLE fan_outs DROP COLUMN failed_attempts, DROP COLUMN last_attempt_at, DROP COLUMN next_attempt_at, DROP COLUMN reason',
    );
    await db.query('ALTER TABLE fan_outs DROP CONSTRAINT fan_outs_status_check');
    await db.query(
      `ALTER TABLE fan_outs ADD CONSTRAINT fan_outs_status_check CHECK (status IN ('running', 'completed'))`,
    );
  }
}
