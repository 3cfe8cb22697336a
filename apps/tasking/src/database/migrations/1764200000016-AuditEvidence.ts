import { statementsMigration } from '@concord/database';
import { AUDIT_EVIDENCE_DOWN, AUDIT_EVIDENCE_UP } from '@concord/audit';

/** The audit trail's evidence tables (queued entries, signed links, checkpoints); the old audit_log's entries move in. */
export const AuditEvidence1764200000016 = statementsMigration(
  'AuditEvidence1764200000016',
  AUDIT_EVIDENCE_UP,
  AUDIT_EVIDENCE_DOWN,
);
