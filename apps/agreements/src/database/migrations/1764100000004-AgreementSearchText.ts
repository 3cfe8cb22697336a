import type { MigrationInterface, QueryRunner } from 'typeorm';
import { agreementSearchText } from '@concord/domain';

/**
 * Text search of the agreements list (`q`): each agreement's number, title
 * and counterparty name, folded in the application (`foldText`, as the
 * registry does), so diacritics and case are optional. No text index: an
 * agency has thousands of agreements, and pg_trgm is not used in this schema.
 */
export class AgreementSearchText1764100000004 implements MigrationInterface {
  name = 'AgreementSearchText1764100000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE agreements ADD COLUMN search_text text NOT NULL DEFAULT ''");
    const rows = (await db.query('SELECT id, number, title, counterparty_name FROM agreements ORDER BY id')) as {
      id: string;
      number: string;
      title: string;
      counterparty_name: string;
    }[];
    for (let i = 0; i < rows.length; i += 1000) {
      const batch = rows.slice(i, i + 1000);
      await db.query(
        'UPDATE agreements a SET search_text = b.search_text FROM unnest($1::uuid[], $2::text[]) AS b(id, search_text) WHERE a.id = b.id',
        [batch.map((r) => r.id), batch.map((r) => agreementSearchText(r.number, r.title, r.counterparty_name))],
      );
    }
    // From now on the service writes it with every agreement; a row without it would never be found.
    await db.query('ALTER TABLE agreements ALTER COLUMN search_text DROP DEFAULT');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE agreements DROP COLUMN search_text');
  }
}
