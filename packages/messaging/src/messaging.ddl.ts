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

/** What undoes MESSAGING_RETENTION_DDL (each service's `MessagingRetention` migration, down). */
export const MESSAGING_RETENTION_DOWN: readonly string[] = [
  'DROP INDEX IF EXISTS outbox_published',
  'DROP INDEX IF EXISTS processed_commands_created',
];

/**
 * The relay asks for the oldest unpublished rows (`ORDER BY created_at, id LIMIT n`) several times a second. With an index
 * on `created_at` alone PostgreSQL answered with a bitmap scan and a sort, and a bitmap scan walks every index entry of
 * a row published since the last vacuum: 12,000 of them and 4 ms per ask at 140 registrations/s, most of PostgreSQL's CPU.
 * An index in the order asked for is read as an ordered scan that stops after n rows and marks the entries of published
 * rows dead as it passes them, so each ask reads about what it returns; vacuum comes sooner on this table of updates.
 */
export const OUTBOX_ORDERED_DDL: readonly string[] = [
  'DROP INDEX outbox_unpublished',
  'CREATE INDEX outbox_unpublished ON outbox (created_at, id) WHERE published_at IS NULL',
  'ALTER TABLE outbox SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000)',
];

export const OUTBOX_ORDERED_DOWN: readonly string[] = [
  'ALTER TABLE outbox RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold)',
  'DROP INDEX outbox_unpublished',
  'CREATE INDEX outbox_unpublished ON outbox (created_at) WHERE published_at IS NULL',
];
