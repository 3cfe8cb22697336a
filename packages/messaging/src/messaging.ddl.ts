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

/**
 * What pruning needs (see `prune.ts`): processed commands by age, published
 * outbox rows by when they were published. Each service's migration
 * `MessagingRetention` runs it. Processed-command keys are scoped per user
 * from this version on (commandKey); keys recorded before stay until pruned.
 */
export const MESSAGING_RETENTION_DDL: readonly string[] = [
  'CREATE INDEX IF NOT EXISTS processed_commands_created ON processed_commands (created_at)',
  'CREATE INDEX IF NOT EXISTS outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL',
];
