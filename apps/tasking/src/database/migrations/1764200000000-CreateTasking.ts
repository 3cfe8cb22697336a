import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_LOG_DDL } from '@concord/audit';
import { MESSAGING_DDL } from '@concord/messaging';

/** The tasking schema: campaigns, joint campaign requests, audit trail, outbox, processed commands. */
export class CreateTasking1764200000000 implements MigrationInterface {
  name = 'CreateTasking1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
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
      )`);
    await db.query('CREATE INDEX campaigns_owner ON campaigns (owner_agency_id, status)');
    await db.query('CREATE INDEX campaigns_partners ON campaigns USING gin (partner_agency_ids)');
    await db.query(`
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
      )`);
    await db.query('CREATE INDEX campaign_requests_to ON campaign_requests (to_agency_id, status)');
    await db.query('CREATE INDEX campaign_requests_from ON campaign_requests (from_agency_id, status)');
    for (const statement of [...AUDIT_LOG_DDL, ...MESSAGING_DDL]) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['processed_commands', 'outbox', 'audit_log', 'campaign_requests', 'campaigns'])
      await db.query(`DROP TABLE ${table}`);
    await db.query('DROP FUNCTION audit_log_append_only CASCADE');
  }
}
