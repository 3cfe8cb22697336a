import { statementsMigration } from '@concord/database';
import { AUDIT_LOG_DDL } from '@concord/audit';
import { MESSAGING_DDL } from '@concord/messaging';

/** The registry schema: creators, channels, audit trail, outbox, processed commands. */
export const CreateRegistry1764000000000 = statementsMigration(
  'CreateRegistry1764000000000',
  [
    'CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public',
    `
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
      )`,
    'CREATE INDEX creators_status ON creators (status)',
    'CREATE INDEX creators_search_trgm ON creators USING gin (search_text public.gin_trgm_ops)',
    'CREATE INDEX creators_name_trgm ON creators USING gin (display_name_folded public.gin_trgm_ops)',
    'CREATE INDEX creators_topics ON creators USING gin (topics)',
    'CREATE INDEX creators_languages ON creators USING gin (languages)',
    `
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
      )`,
    'CREATE UNIQUE INDEX channels_platform_handle ON channels (platform, handle_normalized)',
    'CREATE INDEX channels_creator ON channels (creator_id)',
    ...AUDIT_LOG_DDL,
    ...MESSAGING_DDL,
  ],
  [
    'DROP TABLE processed_commands',
    'DROP TABLE outbox',
    'DROP TABLE audit_log',
    'DROP FUNCTION audit_log_append_only CASCADE',
    'DROP TABLE channels',
    'DROP TABLE creators',
  ],
);
