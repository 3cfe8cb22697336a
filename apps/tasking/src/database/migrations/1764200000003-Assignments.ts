import { statementsMigration } from '@concord/database';
import { INBOX_DDL } from '@concord/messaging';

/**
 * Assignments and fan-outs, briefs' windows, the read model of agreements
 * that may cover assignments, and the inbox of tasking's event consumers.
 */
export const Assignments1764200000003 = statementsMigration(
  'Assignments1764200000003',
  [
    `ALTER TABLE briefs ADD COLUMN window_start timestamptz NULL, ADD COLUMN window_end timestamptz NULL`,
    `UPDATE briefs SET window_start = due_at - interval '24 hours', window_end = due_at`,
    `ALTER TABLE briefs ALTER COLUMN window_start SET NOT NULL, ALTER COLUMN window_end SET NOT NULL,
      ADD CONSTRAINT briefs_window CHECK (window_end > window_start)`,

    // Fed by the agreements service's events: which agreements are active, for whom, until when, with what quota.
    `
      CREATE TABLE agreement_coverage (
        agreement_id uuid PRIMARY KEY,
        agency_id text NOT NULL,
        counterparty_id uuid NOT NULL,
        status text NOT NULL,
        term_start date NOT NULL,
        term_end date NOT NULL,
        deliverables jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      )`,
    `CREATE INDEX agreement_coverage_counterparty ON agreement_coverage (counterparty_id) WHERE status = 'active'`,

    `
      CREATE TABLE fan_outs (
        id uuid PRIMARY KEY,
        brief_id uuid NOT NULL REFERENCES briefs (id),
        campaign_id uuid NOT NULL REFERENCES campaigns (id),
        target text NOT NULL CHECK (target IN ('creators', 'filter')),
        creator_ids uuid[] NULL,
        filter jsonb NULL,
        overrides jsonb NOT NULL,
        actor jsonb NOT NULL,
        correlation_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'completed')),
        cursor_after uuid NULL,
        cursor_index int NOT NULL DEFAULT 0,
        total int NULL,
        processed int NOT NULL DEFAULT 0,
        offered int NOT NULL DEFAULT 0,
        skipped int NOT NULL DEFAULT 0,
        skipped_by_reason jsonb NOT NULL DEFAULT '{}',
        batches int NOT NULL DEFAULT 0,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz NULL
      )`,
    `CREATE INDEX fan_outs_running ON fan_outs (created_at) WHERE status = 'running'`,

    `
      CREATE TABLE fan_out_results (
        fan_out_id uuid NOT NULL REFERENCES fan_outs (id),
        seq int NOT NULL,
        creator_id uuid NOT NULL,
        display_name text NULL,
        outcome text NOT NULL CHECK (outcome IN ('offered', 'skipped')),
        reason text NULL,
        detail text NULL,
        assignment_id uuid NULL,
        overridden text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (fan_out_id, creator_id)
      )`,
    'CREATE UNIQUE INDEX fan_out_results_seq ON fan_out_results (fan_out_id, seq)',

    `
      CREATE TABLE assignments (
        id uuid PRIMARY KEY,
        brief_id uuid NOT NULL REFERENCES briefs (id),
        campaign_id uuid NOT NULL REFERENCES campaigns (id),
        fan_out_id uuid NOT NULL REFERENCES fan_outs (id),
        creator_id uuid NOT NULL,
        creator_name text NOT NULL,
        management_company_id uuid NULL,
        agreement_id uuid NOT NULL,
        quantity int NOT NULL CHECK (quantity > 0),
        status text NOT NULL,
        window_start timestamptz NOT NULL,
        window_end timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        flags text[] NOT NULL DEFAULT '{}',
        overrides jsonb NOT NULL DEFAULT '[]',
        history jsonb NOT NULL,
        version int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    // A brief is offered to a creator at most once while the offer lives: no fan-out, retried or concurrent, doubles it.
    `CREATE UNIQUE INDEX assignments_once_per_brief ON assignments (brief_id, creator_id) WHERE status NOT IN ('declined', 'expired', 'cancelled')`,
    `CREATE INDEX assignments_creator_busy ON assignments (creator_id, window_start) WHERE status IN ('offered', 'accepted', 'submitted', 'approved')`,
    `CREATE INDEX assignments_creator ON assignments (creator_id, id)`,
    `CREATE INDEX assignments_company ON assignments (management_company_id, id) WHERE management_company_id IS NOT NULL`,
    `CREATE INDEX assignments_agreement ON assignments (agreement_id) WHERE status NOT IN ('declined', 'expired', 'cancelled')`,
    'CREATE INDEX assignments_campaign ON assignments (campaign_id, status)',
    'CREATE INDEX assignments_brief ON assignments (brief_id, id)',
    `CREATE INDEX assignments_offered_due ON assignments (due_at) WHERE status = 'offered'`,
    ...INBOX_DDL,
  ],
  [
    'DROP TABLE inbox',
    'DROP TABLE assignments',
    'DROP TABLE fan_out_results',
    'DROP TABLE fan_outs',
    'DROP TABLE agreement_coverage',
    'ALTER TABLE briefs DROP CONSTRAINT briefs_window, DROP COLUMN window_start, DROP COLUMN window_end',
  ],
);
