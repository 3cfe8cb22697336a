import type { MigrationInterface, QueryRunner } from 'typeorm';
import { INBOX_DDL } from '@concord/messaging';

/** A read model of each creator's agreements, fed by the agreements service's events, and the consumers' inbox. */
export class CreatorAgreements1764000000004 implements MigrationInterface {
  name = 'CreatorAgreements1764000000004';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of INBOX_DDL) await db.query(statement);
    await db.query(`
      CREATE TABLE creator_agreements (
        agreement_id uuid PRIMARY KEY,
        creator_id uuid NOT NULL,
        number text NOT NULL,
        agency_id text NOT NULL,
        status text NOT NULL,
        term_start date NOT NULL,
        term_end date NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX creator_agreements_creator ON creator_agreements (creator_id, status)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE creator_agreements');
    await db.query('DROP TABLE inbox');
  }
}
