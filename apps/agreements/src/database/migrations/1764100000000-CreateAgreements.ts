import { statementsMigration } from '@concord/database';
import { AUDIT_LOG_DDL } from '@concord/audit';
import { MESSAGING_DDL } from '@concord/messaging';

/** The agreements schema: agreements, their number sequences, audit trail, outbox, processed commands. */
export const CreateAgreements1764100000000 = statementsMigration(
  'CreateAgreements1764100000000',
  [
    `
      CREATE TABLE agreements (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        agency_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('memorandum', 'service_contract')),
        counterparty_id uuid NOT NULL,
        counterparty_name text NOT NULL,
        title text NOT NULL,
        scope text NOT NULL,
        term_start date NOT NULL,
        term_end date NOT NULL CHECK (term_end >= term_start),
        budget bigint NOT NULL CHECK (budget >= 0),
        deliverables jsonb NOT NULL,
        disclosure_label text NOT NULL,
        usage_rights jsonb NULL,
        status text NOT NULL,
        version int NOT NULL,
        signatures jsonb NOT NULL,
        legal_reviews jsonb NOT NULL,
        status_history jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
    'CREATE INDEX agreements_agency_status ON agreements (agency_id, status)',
    'CREATE INDEX agreements_counterparty ON agreements (counterparty_id)',
    'CREATE INDEX agreements_term_end ON agreements (term_end)',
    // One row per agency and year; incremented in the transaction that uses the number, so a rollback leaves no gap.
    `
      CREATE TABLE number_sequences (
        agency_id text NOT NULL,
        year int NOT NULL,
        last int NOT NULL,
        PRIMARY KEY (agency_id, year)
      )`,
    ...AUDIT_LOG_DDL,
    ...MESSAGING_DDL,
  ],
  [
    'DROP TABLE processed_commands',
    'DROP TABLE outbox',
    'DROP TABLE audit_log',
    'DROP TABLE number_sequences',
    'DROP TABLE agreements',
    'DROP FUNCTION audit_log_append_only CASCADE',
  ],
);
