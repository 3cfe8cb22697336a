import type { QueryRunner } from 'typeorm';

/**
 * The evidence tables every service keeps in its own schema. All insert-only
 * (a trigger refuses UPDATE, DELETE and TRUNCATE; the service's database role
 * is granted only SELECT and INSERT on `audit_*`):
 *
 * - `audit_entries`: the facts, written in the business transaction, no lock;
 *   `pos` is only the queue order.
 * - `audit_chain`: the sequencer's links (seq, entry, digest, previous hash,
 *   hash, Ed25519 signature), written after the fact, one sequencer at a time.
 * - `audit_checkpoints`: the signed checkpoints this service published.
 *
 * `pos` is an identity column: inserting needs no privilege on its sequence.
 */
export const AUDIT_EVIDENCE_DDL: readonly string[] = [
  `CREATE TABLE audit_entries (
    pos bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id uuid NOT NULL UNIQUE,
    at timestamptz NOT NULL,
    actor_user_id text NOT NULL,
    actor_org_id text NOT NULL,
    action text NOT NULL,
    subject text NOT NULL,
    reason text NULL,
    data jsonb NOT NULL
  )`,
  'CREATE INDEX audit_entries_subject ON audit_entries (subject, pos)',
  `CREATE TABLE audit_chain (
    seq bigint PRIMARY KEY,
    entry_id uuid NOT NULL UNIQUE,
    entry_pos bigint NOT NULL,
    digest char(64) NOT NULL,
    prev_hash char(64) NOT NULL,
    hash char(64) NOT NULL,
    signature text NOT NULL,
    linked_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE audit_checkpoints (
    size bigint PRIMARY KEY,
    head char(64) NOT NULL,
    at timestamptz NOT NULL,
    signature text NOT NULL
  )`,
  `CREATE FUNCTION audit_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION '% is insert-only', TG_TABLE_NAME;
  END $$`,
  ...['audit_entries', 'audit_chain', 'audit_checkpoints'].flatMap((t) => [
    `CREATE TRIGGER ${t}_no_update_or_delete BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION audit_insert_only()`,
    `CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION audit_insert_only()`,
  ]),
];

/**
 * What each service's `AuditEvidence` migration runs: creates the evidence
 * tables and moves an existing trail into them. The old `audit_log` entries
 * become the first queued entries (in their order),
 * followed by one entry that records the old chain's length and head hash,
 * so the sequencer's signed chain vouches for the history as it was. The
 * old table stays, read-only, as it was.
 */
export const AUDIT_EVIDENCE_UP: readonly string[] = [
  ...AUDIT_EVIDENCE_DDL,
  `
    INSERT INTO audit_entries (id, at, actor_user_id, actor_org_id, action, subject, reason, data)
    SELECT id, at, actor_user_id, actor_org_id, action, subject, reason, data FROM audit_log ORDER BY seq`,
  `
    INSERT INTO audit_entries (id, at, actor_user_id, actor_org_id, action, subject, reason, data)
    SELECT gen_random_uuid(), date_trunc('milliseconds', now()), 'system:audit', 'system', 'audit.trail_migrated', 'audit_log:' || id, NULL,
           jsonb_build_object('legacyEntries', seq, 'legacyHead', hash)
    FROM audit_log ORDER BY seq DESC LIMIT 1`,
];

/** What undoes AUDIT_EVIDENCE_UP (each service's `AuditEvidence` migration, down). */
export const AUDIT_EVIDENCE_DOWN: readonly string[] = [
  'DROP TABLE audit_checkpoints, audit_chain, audit_entries',
  'DROP FUNCTION audit_insert_only()',
];

/** Runs AUDIT_EVIDENCE_UP (a schema built outside a service's migrations, e.g. a test's). */
export async function createAuditEvidenceTables(db: QueryRunner): Promise<void> {
  for (const statement of AUDIT_EVIDENCE_UP) await db.query(statement);
}

/**
 * The request id of each entry (ADR 0025): which request made it, so support can follow a request into the trail.
 * Beside the facts, not among them: a link's digest covers the facts as before, and entries written before have none.
 */
export const AUDIT_REQUEST_ID_DDL: readonly string[] = ['ALTER TABLE audit_entries ADD COLUMN request_id text NULL'];

export const AUDIT_REQUEST_ID_DOWN: readonly string[] = ['ALTER TABLE audit_entries DROP COLUMN request_id'];
