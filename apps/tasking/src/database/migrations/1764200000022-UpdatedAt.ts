import { statementsMigration } from '@concord/database';

const TABLES = ['campaigns', 'campaign_requests', 'agency_tasks'];

/**
 * When each campaign, joint campaign request and agency task last changed (`updated_at`, set on every write), for the
 * lists' `updatedSince` that partners poll (issue 15). Rows written before it start at their creation time.
 */
export const UpdatedAt1764200000022 = statementsMigration(
  'UpdatedAt1764200000022',
  TABLES.flatMap((table) => [
    `ALTER TABLE ${table} ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`,
    `UPDATE ${table} SET updated_at = created_at`,
  ]),
  TABLES.map((table) => `ALTER TABLE ${table} DROP COLUMN updated_at`),
);
