import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Pairs of near-equal names a registrar has judged to be different creators. */
export class DuplicateDismissals1764000000002 implements MigrationInterface {
  name = 'DuplicateDismissals1764000000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE duplicate_dismissals (
        a_id uuid NOT NULL REFERENCES creators (id),
        b_id uuid NOT NULL REFERENCES creators (id),
        reason text NOT NULL,
        dismissed_by text NOT NULL,
        dismissed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (a_id, b_id),
        CHECK (a_id < b_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE duplicate_dismissals');
  }
}
