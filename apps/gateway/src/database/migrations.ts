import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The gateway's own schema holds only what idempotency needs. */
export class CreateIdempotencyKeys1764000000001 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764000000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE idempotency_keys (
        scope text PRIMARY KEY,
        fingerprint text NOT NULL,
        state text NOT NULL CHECK (state IN ('in_progress', 'completed')),
        locked_until timestamptz NOT NULL,
        response_status int NULL,
        response_body jsonb NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE idempotency_keys');
  }
}

/** Keys are held on a short lease by an owner (gateway process and request), so a crashed gateway's keys free up in seconds. */
export class IdempotencyKeyOwner1764000000002 implements MigrationInterface {
  name = 'IdempotencyKeyOwner1764000000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE idempotency_keys ADD COLUMN owner text NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE idempotency_keys DROP COLUMN owner');
  }
}
