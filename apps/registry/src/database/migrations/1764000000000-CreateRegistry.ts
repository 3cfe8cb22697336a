import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_LOG_DDL } from '@concord/audit';
import { MESSAGING_DDL } from '@concord/messaging';

/** The registry schema: creators, channels, audit trail, outbox, processed commands. */
export class CreateRegistry1764000000000 implements MigrationInterface {
  name = 'CreateRegistry1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
    await db.query(`
      CREATE TABLE creators (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('individual', 'management_company')),
        display_name text NOT NULL,
        display_name_folded text NOT NULL,
        search_text text NOT NULL,
        status text NOT NULL CHECK (status IN ('prospect', 'vetted', 'active', 'suspended', 'offboarded')),
        version int NOT NULL,
        topics text[] NOT NULL,
        languages text[] NOT NULL,
        regions text[] NOT NULL,
        management_company_id uuid NULL REFERENCES creators (id),
        personal_data_enc text NULL,
        consent jsonb NULL,
        vetting jsonb NOT NULL,
        training jsonb NOT NULL,
        incidents jsonb NOT NULL,
        status_history jsonb NOT NULL,
        total_followers bigint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX creators_status ON creators (status)');
    await db.query('CREATE INDEX creators_search_trgm ON creators USING gin (search_text public.gin_trgm_ops)');
    await db.query('CREATE INDEX creators_name_trgm ON creators USING gin (display_name_folded public.gin_trgm_ops)');
    await db.query('CREATE INDEX creators_topics ON creators USING gin (topics)');
    await db.query('CREATE INDEX creators_languages ON creators USING gin (languages)');
    await db.query(`
      CREATE TABLE channels (
        id uuid PRIMARY KEY,
        creator_id uuid NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
        platform text NOT NULL,
        handle text NOT NULL,
        handle_normalized text NOT NULL,
        url text NOT NULL,
        followers int NOT NULL CHECK (followers >= 0),
        verified boolean NOT NULL,
        verified_checked_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE UNIQUE INDEX channels_platform_handle ON channels (platform, handle_normalized)');
    await db.query('CREATE INDEX channels_creator ON channels (creator_id)');
    for (const statement of [...AUDIT_LOG_DDL, ...MESSAGING_DDL]) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE processed_commands');
    await db.query('DROP TABLE outbox');
    await db.query('DROP TABLE audit_log');
    await db.query('DROP FUNCTION audit_log_append_only CASCADE');
    await db.query('DROP TABLE channels');
    await db.query('DROP TABLE creators');
  }
}
