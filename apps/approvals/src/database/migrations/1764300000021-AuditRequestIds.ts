import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_REQUEST_ID_DDL, AUDIT_REQUEST_ID_DOWN } from '@concord/audit';

/** Each audit entry keeps the id of the request that made it (ADR 0025), beside its facts. */
export class AuditRequestIds1764300000021 implements MigrationInterface {
  name = 'AuditRequestIds1764300000021';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of AUDIT_REQUEST_ID_DDL) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of AUDIT_REQUEST_ID_DOWN) await db.query(statement);
  }
}
