import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Payment milestones of agreements: planned → due → paid; paid ones never change. */
export class Milestones1764100000001 implements MigrationInterface {
  name = 'Milestones1764100000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE milestones (
        id uuid PRIMARY KEY,
        agreement_id uuid NOT NULL REFERENCES agreements (id),
        label text NOT NULL,
        due_date date NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        status text NOT NULL CHECK (status IN ('planned', 'due', 'paid')),
        paid_at timestamptz NULL,
        paid_by text NULL,
        payment_reference text NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX milestones_agreement ON milestones (agreement_id, due_date)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE milestones');
  }
}
