import { statementsMigration } from '@concord/database';
import { AUDIT_LOG_DDL } from '@concord/audit';
import { MESSAGING_DDL } from '@concord/messaging';

/** The tasking schema: campaigns, joint campaign requests, audit trail, outbox, processed commands. */
export const CreateTasking1764200000000 = statementsMigration(
  'CreateTasking1764200000000',
  [
    `
      CREATE TABLE campaigns (
        id uuid PRIMARY KEY,
        owner_agency_id text NOT NULL,
        partner_agency_ids text[] NOT NULL,
        title text NOT NULL,
        objective text NOT NULL,
        key_messages jsonb NOT NULL,
        required_hashtags jsonb NOT NULL,
        platforms jsonb NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL CHECK (period_end >= period_start),
        budget bigint NOT NULL CHECK (budget >= 0),
        agreement_ids uuid[] NOT NULL,
        status text NOT NULL,
        version int NOT NULL,
        source_request_id uuid NULL,
        status_history jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    'CREATE INDEX campaigns_owner ON campaigns (owner_agency_id, status)',
    'CREATE INDEX campaigns_partners ON campaigns USING gin (partner_agency_ids)',
    `
      CREATE TABLE campaign_requests (
        id uuid PRIMARY KEY,
        from_agency_id text NOT NULL,
        to_agency_id text NOT NULL,
        title text NOT NULL,
        objective text NOT NULL,
        key_messages jsonb NOT NULL,
        proposed_start date NOT NULL,
        proposed_end date NOT NULL CHECK (proposed_end >= proposed_start),
        expected_deliverables text NOT NULL,
        response_deadline timestamptz NOT NULL,
        status text NOT NULL,
        counter_proposal jsonb NULL,
        campaign_id uuid NULL REFERENCES campaigns (id),
        history jsonb NOT NULL,
        version int NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    'CREATE INDEX campaign_requests_to ON campaign_requests (to_agency_id, status)',
    'CREATE INDEX campaign_requests_from ON campaign_requests (from_agency_id, status)',
    ...AUDIT_LOG_DDL,
    ...MESSAGING_DDL,
  ],
  [
    'DROP TABLE processed_commands',
    'DROP TABLE outbox',
    'DROP TABLE audit_log',
    'DROP TABLE campaign_requests',
    'DROP TABLE campaigns',
    'DROP FUNCTION audit_log_append_only CASCADE',
  ],
);
