import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fan-outs filter creators by region (`regions @> {VN-HN}`), as lists filter
 * by topic and language: without this a rare region scanned every creator.
 */
export class CreatorRegions1764000000005 implements MigrationInterface {
  name = 'CreatorRegions1764000000005';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX creators_regions ON creators USING gin (regions)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX creators_regions');
  }
}
