import { statementsMigration } from '@concord/database';
import { AUDIT_REQUEST_ID_DDL, AUDIT_REQUEST_ID_DOWN } from '@concord/audit';

/** Each audit entry keeps the id of the request that made it (ADR 0025), beside its facts. */
export const AuditRequestIds1764100000021 = statementsMigration(
  'AuditRequestIds1764100000021',
  AUDIT_REQUEST_ID_DDL,
  AUDIT_REQUEST_ID_DOWN,
);
