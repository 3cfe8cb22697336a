import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What content approval needs from tasking: campaigns' reach targets, agreements' disclosure labels. */
export class ContentTerms1764200000004 implements MigrationInterface {
  name = 'ContentTerms1764200000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE campaigns ADD COLUMN targets jsonb NOT NULL DEFAULT '{}'`);
    await db.query('ALTER TABLE agreement_coverage ADD COLUMN disclosure_label text NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE agreement_coverage DROP COLUMN disclosure_label');
    await db.query('ALTER TABLE campaigns DROP COLUMN targets');
  }
}
