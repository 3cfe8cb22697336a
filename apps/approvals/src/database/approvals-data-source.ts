import type { DataSource } from 'typeorm';
import { createServiceDataSource, type DatabaseTimeouts } from '@concord/database';
import { AuditEntry } from '@concord/audit';
import { OutboxMessage, ProcessedCommand } from '@concord/messaging';
import { CreateApprovals1764300000000 } from './migrations/1764300000000-CreateApprovals';
import { ReviewQueueIndexes1764300000001 } from './migrations/1764300000001-ReviewQueueIndexes';
import { MetricsCorrections1764300000002 } from './migrations/1764300000002-MetricsCorrections';
import { WorkflowConsents1764300000005 } from './migrations/1764300000005-WorkflowConsents';
import { MessagingRetention1764300000010 } from './migrations/1764300000010-MessagingRetention';
import { AuditEvidence1764300000016 } from './migrations/1764300000016-AuditEvidence';
import { OutboxInOrder1764300000018 } from './migrations/1764300000018-OutboxInOrder';
import { AuditRequestIds1764300000021 } from './migrations/1764300000021-AuditRequestIds';

export const APPROVALS_SCHEMA = 'approvals';

/** The approvals service's schema. Its own tables are read and written with SQL (see submission/); the shared ones through their entities. */
export function createApprovalsDataSource(url: string, poolSize = 10, timeouts?: DatabaseTimeouts): DataSource {
  return createServiceDataSource({
    url,
    schema: APPROVALS_SCHEMA,
    applicationName: 'concord-approvals',
    entities: [AuditEntry, OutboxMessage, ProcessedCommand],
    migrations: [
      CreateApprovals1764300000000,
      ReviewQueueIndexes1764300000001,
      MetricsCorrections1764300000002,
      WorkflowConsents1764300000005,
      MessagingRetention1764300000010,
      AuditEvidence1764300000016,
      OutboxInOrder1764300000018,
      AuditRequestIds1764300000021,
    ],
    poolSize,
    timeouts,
  });
}
