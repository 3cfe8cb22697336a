import type { MigrationInterface, QueryRunner } from 'typeorm';
import { creatorSearchWords, nameWords } from '@concord/domain';

/**
 * Word-level search: each creator's search words (GIN array) and the
 * vocabulary of name words that query words are matched against with a few
 * typos allowed (fuzzystrmatch). See docs/decisions/0005-search.md.
 */
export class SearchWords1764000000003 implements MigrationInterface {
  name = 'SearchWords1764000000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE EXTENSION IF NOT EXISTS fuzzystrmatch WITH SCHEMA public');
    await db.query("ALTER TABLE creators ADD COLUMN search_words text[] NOT NULL DEFAULT '{}'");
    await db.query('CREATE TABLE search_vocabulary (word text PRIMARY KEY)');
    const rows = (await db.query(
      `SELECT c.id, c.display_name, coalesce(array_agg(ch.handle) FILTER (WHERE ch.id IS NOT NULL), '{}') AS handles
         FROM creators c LEFT JOIN channels ch ON ch.creator_id = c.id GROUP BY c.id`,
    )) as { id: string; display_name: string; handles: string[] }[];
    for (const row of rows) {
      await db.query('UPDATE creators SET search_words = $2 WHERE id = $1', [
        row.id,
        creatorSearchWords(row.display_name, row.handles),
      ]);
      await db.query('INSERT INTO search_vocabulary (word) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [
        nameWords(row.display_name),
      ]);
    }
    // fastupdate off: a registry is read far more than written, and a long pending list makes the planner avoid the index.
    await db.query('CREATE INDEX creators_search_words ON creators USING gin (search_words) WITH (fastupdate = off)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE search_vocabulary');
    await db.query('ALTER TABLE creators DROP COLUMN search_words');
  }
}
