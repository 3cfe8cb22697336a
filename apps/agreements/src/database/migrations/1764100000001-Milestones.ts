import { statementsMigration } from '@concord/database';

/** Payment milestones of agreements: planned → due → paid; paid ones never change. */
export const Milestones1764100000001 = statementsMigration(
  'Milestones1764100000001',
  [
    `
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
      )`,
    'CREATE INDEX milestones_agreement ON milestones (agreement_id, due_date)',
  ],
  ['DROP TABLE milestones'],
);
