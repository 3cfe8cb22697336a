import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The review queue reads, per role (or for the whole agency, or the
 * escalated ones), the next stages due in (due time, id) order: one index
 * for each of those three shapes, so a page stops after its rows instead of
 * sorting everything in review.
 */
export class ReviewQueueIndexes1764300000001 implements MigrationInterface {
  name = 'ReviewQueueIndexes1764300000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX submissions_queue');
    await db.query(
      `CREATE INDEX submissions_queue_role ON submissions (stage_agency_id, stage_role, stage_due_at, id) WHERE status = 'in_review'`,
    );
    await db.query(
      `CREATE INDEX submissions_queue_agency ON submissions (stage_agency_id, stage_due_at, id) WHERE status = 'in_review'`,
    );
    await db.query(
      `CREATE INDEX submissions_queue_escalated ON submissions (stage_agency_id, stage_due_at, id) WHERE status = 'in_review' AND escalated_at IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const index of ['submissions_queue_role', 'submissions_queue_agency', 'submissions_queue_escalated'])
      await db.query(`DROP INDEX ${index}`);
    await db.query(
      `CREATE INDEX submissions_queue ON submissions (stage_agency_id, stage_role, stage_due_at) WHERE status = 'in_review'`,
    );
  }
}
