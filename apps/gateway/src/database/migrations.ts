import { statementsMigration } from '@concord/database';
import { INBOX_DDL } from '@concord/messaging';

/** The gateway's own schema holds only what idempotency needs. */
export const CreateIdempotencyKeys1764000000001 = statementsMigration(
  'CreateIdempotencyKeys1764000000001',
  [
    `
      CREATE TABLE idempotency_keys (
        scope text PRIMARY KEY,
        fingerprint text NOT NULL,
        state text NOT NULL CHECK (state IN ('in_progress', 'completed')),
        locked_until timestamptz NOT NULL,
        response_status int NULL,
        response_body jsonb NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    'CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)',
  ],
  ['DROP TABLE idempotency_keys'],
);

/** Keys are held on a short lease by an owner (gateway process and request), so a crashed gateway's keys free up in seconds. */
export const IdempotencyKeyOwner1764000000002 = statementsMigration(
  'IdempotencyKeyOwner1764000000002',
  ['ALTER TABLE idempotency_keys ADD COLUMN owner text NULL'],
  ['ALTER TABLE idempotency_keys DROP COLUMN owner'],
);

/**
 * The gateway's copies of every service's signed audit checkpoints, consumed
 * from the event stream (with the inbox that makes redelivery a no-op): kept
 * outside the services' schemas, so truncating a service's tables does not
 * erase the evidence. Two checkpoints for one size with different heads are
 * both kept: that disagreement is itself the evidence.
 */
export const AuditCheckpoints1764000000016 = statementsMigration(
  'AuditCheckpoints1764000000016',
  [
    ...INBOX_DDL,
    `
      CREATE TABLE audit_checkpoints (
        service text NOT NULL,
        size bigint NOT NULL,
        head char(64) NOT NULL,
        at timestamptz NOT NULL,
        signature text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (service, size, head)
      )`,
  ],
  ['DROP TABLE audit_checkpoints', 'DROP TABLE inbox'],
);
