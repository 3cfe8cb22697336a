import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A migration that runs a shared package's statements, the same in every
 * service's schema (e.g. the outbox's ordered index, the audit entries'
 * request id): each service names its own (`<What><timestamp>`, as TypeORM
 * records it) and lists it with its other migrations.
 */
export function statementsMigration(
  name: string,
  up: readonly string[],
  down: readonly string[],
): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;

    async up(db: QueryRunner): Promise<void> {
      for (const statement of up) await db.query(statement);
    }

    async down(db: QueryRunner): Promise<void> {
      for (const statement of down) await db.query(statement);
    }
  };
}
