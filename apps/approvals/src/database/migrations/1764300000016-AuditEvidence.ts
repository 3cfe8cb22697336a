import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditEvidenceTables, dropAuditEvidenceTables } from '@concord/audit';

/** The audit trail's evidence tables (queued entries, signed links, checkpoints); the old audit_log's entries move in. */
export class AuditEvidence1764300000016 implements MigrationInterface {
  name = 'AuditEvidence1764300000016';

  async up(db: QueryRunner): Promise<void> {
    await createAuditEvidenceTables(db);
  }

  async down(db: QueryRunner): Promise<void> {
    await dropAuditEvidenceTables(db);
  }
}
