import { statementsMigration } from '@concord/database';
import { AUDIT_LOG_DDL } from '@concord/audit';
import { MESSAGING_DDL } from '@concord/messaging';

/**
 * The approvals schema: campaigns' review workflows, submissions (one live
 * per assignment) with immutable versions, decisions, comments,
 * publications and their reach over time; audit trail, outbox, processed
 * commands.
 */
export const CreateApprovals1764300000000 = statementsMigration(
  'CreateApprovals1764300000000',
  [
    `
      CREATE TABLE workflows (
        campaign_id uuid PRIMARY KEY,
        stages jsonb NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
    `
      CREATE TABLE submissions (
        id uuid PRIMARY KEY,
        assignment_id uuid NOT NULL,
        campaign_id uuid NOT NULL,
        owner_agency_id text NOT NULL,
        partner_agency_ids text[] NOT NULL,
        creator_id uuid NOT NULL,
        management_company_id uuid NULL,
        creator_name text NOT NULL,
        platform text NOT NULL,
        kind text NOT NULL,
        planned_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('in_review', 'changes_requested', 'approved', 'rejected', 'withdrawn')),
        stages jsonb NOT NULL,
        stage_index int NOT NULL DEFAULT 0,
        stage_agency_id text NULL,
        stage_role text NULL,
        stage_due_at timestamptz NULL,
        stage_approvals text[] NOT NULL DEFAULT '{}',
        escalated_at timestamptz NULL,
        check_context jsonb NOT NULL,
        current_version int NOT NULL,
        timeline jsonb NOT NULL,
        version int NOT NULL,
        submitted_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    `CREATE UNIQUE INDEX submissions_one_live_per_assignment ON submissions (assignment_id) WHERE status NOT IN ('rejected', 'withdrawn')`,
    `CREATE INDEX submissions_queue ON submissions (stage_agency_id, stage_role, stage_due_at) WHERE status = 'in_review'`,
    'CREATE INDEX submissions_campaign ON submissions (campaign_id, status)',
    'CREATE INDEX submissions_creator ON submissions (creator_id)',
    `CREATE INDEX submissions_due ON submissions (stage_due_at) WHERE status = 'in_review' AND escalated_at IS NULL`,
    `
      CREATE TABLE versions (
        submission_id uuid NOT NULL REFERENCES submissions (id),
        number int NOT NULL,
        title text NULL,
        text text NOT NULL,
        media jsonb NOT NULL,
        checks jsonb NOT NULL,
        submitted_by text NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (submission_id, number)
      )`,
    // A submitted version never changes: what was reviewed is what was approved.
    `
      CREATE FUNCTION versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'versions are immutable once submitted';
      END $$`,
    'CREATE TRIGGER versions_immutable BEFORE UPDATE OR DELETE ON versions FOR EACH ROW EXECUTE FUNCTION versions_immutable()',
    `
      CREATE TABLE check_overrides (
        submission_id uuid NOT NULL REFERENCES submissions (id),
        version int NOT NULL,
        "check" text NOT NULL,
        reason text NOT NULL,
        by_user text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (submission_id, version, "check")
      )`,
    `
      CREATE TABLE decisions (
        id uuid PRIMARY KEY,
        submission_id uuid NOT NULL REFERENCES submissions (id),
        version int NOT NULL,
        stage text NOT NULL,
        decision text NOT NULL CHECK (decision IN ('approve', 'request_changes', 'reject')),
        reason text NULL,
        by_user text NOT NULL,
        agency_id text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`,
    'CREATE INDEX decisions_submission ON decisions (submission_id, at)',
    `
      CREATE TABLE comments (
        id uuid PRIMARY KEY,
        submission_id uuid NOT NULL REFERENCES submissions (id),
        version int NOT NULL,
        parent_id uuid NULL REFERENCES comments (id),
        range_start int NULL,
        range_end int NULL,
        body text NOT NULL,
        visibility text NOT NULL CHECK (visibility IN ('creator', 'internal')),
        by_user text NOT NULL,
        agency_id text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`,
    'CREATE INDEX comments_submission ON comments (submission_id, at)',
    `
      CREATE TABLE publications (
        id uuid PRIMARY KEY,
        submission_id uuid NOT NULL UNIQUE REFERENCES submissions (id),
        campaign_id uuid NOT NULL,
        creator_id uuid NOT NULL,
        platform text NOT NULL,
        url text NOT NULL,
        published_at timestamptz NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`,
    'CREATE INDEX publications_campaign ON publications (campaign_id)',
    `
      CREATE TABLE metrics (
        publication_id uuid NOT NULL REFERENCES publications (id),
        at timestamptz NOT NULL,
        views bigint NOT NULL CHECK (views >= 0),
        likes bigint NOT NULL CHECK (likes >= 0),
        comments bigint NOT NULL CHECK (comments >= 0),
        shares bigint NOT NULL CHECK (shares >= 0),
        reported_by text NOT NULL,
        PRIMARY KEY (publication_id, at)
      )`,
    ...AUDIT_LOG_DDL,
    ...MESSAGING_DDL,
  ],
  [
    'DROP TABLE processed_commands',
    'DROP TABLE outbox',
    'DROP TABLE audit_log',
    'DROP TABLE metrics',
    'DROP TABLE publications',
    'DROP TABLE comments',
    'DROP TABLE decisions',
    'DROP TABLE check_overrides',
    'DROP TABLE versions',
    'DROP TABLE submissions',
    'DROP TABLE workflows',
    'DROP FUNCTION versions_immutable CASCADE',
    'DROP FUNCTION audit_log_append_only CASCADE',
  ],
);
