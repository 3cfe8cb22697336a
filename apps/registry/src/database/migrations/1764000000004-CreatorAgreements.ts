import { statementsMigration } from '@concord/database';
import { INBOX_DDL } from '@concord/messaging';

/** A read model of each creator's agreements, fed by the agreements service's events, and the consumers' inbox. */
export const CreatorAgreements1764000000004 = statementsMigration(
  'CreatorAgreements1764000000004',
  [
    ...INBOX_DDL,
    `
      CREATE TABLE creator_agreements (
        agreement_id uuid PRIMARY KEY,
        creator_id uuid NOT NULL,
        number text NOT NULL,
        agency_id text NOT NULL,
        status text NOT NULL,
        term_start date NOT NULL,
        term_end date NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
    'CREATE INDEX creator_agreements_creator ON creator_agreements (creator_id, status)',
  ],
  ['DROP TABLE creator_agreements', 'DROP TABLE inbox'],
);
