import { statementsMigration } from '@concord/database';

/** Amendments: every version of an agreement's terms, with its diff, review and signatures. */
export const AgreementVersions1764100000002 = statementsMigration(
  'AgreementVersions1764100000002',
  [
    `
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
      )`,
  ],
  ['DROP TABLE agreement_versions'],
);
