import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agreements' budgets, from their events, so a campaign's budget is
 * checked against the agreements that fund it (null: known only from events
 * older than the budget field).
 */
export class AgreementBudget1764200000006 implements MigrationInterface {
  name = 'AgreementBudget1764200000006';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE agreement_coverage ADD COLUMN budget bigint');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE agreement_coverage DROP COLUMN budget');
  }
}
