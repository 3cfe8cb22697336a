import type { MigrationInterface, QueryRunner } from 'typeorm';
import { OUTBOX_ORDERED_DDL, OUTBOX_ORDERED_DOWN } from '@concord/messaging';

/** The relay's index in the order it reads (see OUTBOX_ORDERED_DDL): each poll reads about what it publishes. */
export class OutboxInOrder1764100000018 implements MigrationInterface {
  name = 'OutboxInOrder1764100000018';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of OUTBOX_ORDERED_DDL) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of OUTBOX_ORDERED_DOWN) await db.query(statement);
  }
}
