import { statementsMigration } from '@concord/database';

/** Pairs of near-equal names a registrar has judged to be different creators. */
export const DuplicateDismissals1764000000002 = statementsMigration(
  'DuplicateDismissals1764000000002',
  [
    `
      CREATE TABLE duplicate_dismissals (
        a_id uuid NOT NULL REFERENCES creators (id),
        b_id uuid NOT NULL REFERENCES creators (id),
        reason text NOT NULL,
        dismissed_by text NOT NULL,
        dismissed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (a_id, b_id),
        CHECK (a_id < b_id)
      )`,
  ],
  ['DROP TABLE duplicate_dismissals'],
);
