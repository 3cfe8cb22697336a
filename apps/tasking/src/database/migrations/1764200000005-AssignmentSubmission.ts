import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An assignment knows its latest submission (from the content approval service's events), so its creator can find it. */
export class AssignmentSubmission1764200000005 implements MigrationInterface {
  name = 'AssignmentSubmission1764200000005';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE assignments ADD COLUMN submission_id uuid NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE assignments DROP COLUMN submission_id');
  }
}
