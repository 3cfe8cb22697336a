/** The outbox and processed-command tables, as every service's first migration creates them in its own schema. */
export const MESSAGING_DDL: readonly string[] = [
  `CREATE TABLE outbox (
    id uuid PRIMARY KEY,
    subject text NOT NULL,
    envelope jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz NULL
  )`,
  'CREATE INDEX outbox_unpublished ON outbox (created_at) WHERE published_at IS NULL',
  `CREATE TABLE processed_commands (
    key text PRIMARY KEY,
    request_hash text NOT NULL,
    reply jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
];
