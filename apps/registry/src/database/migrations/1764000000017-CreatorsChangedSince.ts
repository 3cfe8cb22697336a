import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each registry instance keeps the creators' names in memory for the
 * duplicate check and asks every few seconds what changed since
 * (`updated_at > …`, ADR 0017): without this index each of those asks read
 * every creator.
 */
export class CreatorsChangedSince1764000000017 implements MigrationInterface {
  name = 'CreatorsChangedSince1764000000017';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX creators_updated_at ON creators (updated_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX creators_updated_at');
  }
}
