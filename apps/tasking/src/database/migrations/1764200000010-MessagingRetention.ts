import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MESSAGING_RETENTION_DDL } from '@concord/messaging';

/** Processed commands (now scoped per user) and published outbox rows are pruned after their retention: indexes for that. */
export class MessagingRetention1764200000010 implements MigrationInterface {
  name = 'MessagingRetention1764200000010';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of MESSAGING_RETENTION_DDL) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX IF EXISTS outbox_published');
    await db.query('DROP INDEX IF EXISTS processed_commands_created');
  }
}
