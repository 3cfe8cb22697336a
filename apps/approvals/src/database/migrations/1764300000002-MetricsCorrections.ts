import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reach counters only grow; a reading that lowers one is a correction and
 * keeps its reason beside the figures (the audit trail holds it too).
 */
export class MetricsCorrections1764300000002 implements MigrationInterface {
  name = 'MetricsCorrections1764300000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE metrics ADD COLUMN correction_reason text');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE metrics DROP COLUMN correction_reason');
  }
}
