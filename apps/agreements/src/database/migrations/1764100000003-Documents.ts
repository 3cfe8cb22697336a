import { statementsMigration } from '@concord/database';

/**
 * Documents attached to agreements. The bytes live in a bytea column beside
 * their metadata (ADR 0007): written in the same transaction, backed up with
 * the schema, and small (≤ 4 MiB each).
 */
export const Documents1764100000003 = statementsMigration(
  'Documents1764100000003',
  [
    `
      CREATE TABLE documents (
        id uuid PRIMARY KEY,
        agreement_id uuid NOT NULL REFERENCES agreements (id),
        name text NOT NULL,
        mime_type text NOT NULL,
        size int NOT NULL,
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        uploaded_by text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`,
    'CREATE INDEX documents_agreement ON documents (agreement_id, uploaded_at)',
  ],
  ['DROP TABLE documents'],
);
