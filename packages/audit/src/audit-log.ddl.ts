/**
 * The audit trail's table, as every service's first migration creates it in
 * its own schema: append-only, enforced by a trigger.
 */
export const AUDIT_LOG_DDL: readonly string[] = [
  `CREATE TABLE audit_log (
    seq bigint PRIMARY KEY,
    id uuid NOT NULL UNIQUE,
    at timestamptz NOT NULL,
    actor_user_id text NOT NULL,
    actor_org_id text NOT NULL,
    action text NOT NULL,
    subject text NOT NULL,
    reason text NULL,
    data jsonb NOT NULL,
    prev_hash char(64) NOT NULL,
    hash char(64) NOT NULL
  )`,
  'CREATE INDEX audit_log_subject ON audit_log (subject, seq)',
  `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
  END $$`,
  `CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
];
