import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Amendments: every version of an agreement's terms, with its diff, review and signatures. */
export class AgreementVersions1764100000002 implements MigrationInterface {
  name = 'AgreementVersions1764100000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE agreement_versions (
        agreement_id uuid NOT NULL REFERENCES agreements (id),
        version int NOT NULL,
        status text NOT NULL CHECK (status IN ('in_review', 'approved', 'signed', 'returned', 'superseded')),
        terms jsonb NOT NULL,
        changes jsonb NOT NULL,
        reason text NULL,
        legal_reviews jsonb NOT NULL,
        signatures jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agreement_id, version)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE agreement_versions');
  }
}
