import type { DataSource } from 'typeorm';
import { createServiceDataSource } from '@concord/database';
import { AuditEntry } from '@concord/audit';
import { OutboxMessage, ProcessedCommand } from '@concord/messaging';
import { Agreement } from '../agreement/agreement.entity';
import { CreateAgreements1764100000000 } from './migrations/1764100000000-CreateAgreements';
import { Milestones1764100000001 } from './migrations/1764100000001-Milestones';
import { Milestone } from '../agreement/milestone.entity';

export const AGREEMENTS_SCHEMA = 'agreements';

export function createAgreementsDataSource(url: string, poolSize = 10): DataSource {
  return createServiceDataSource({
    url,
    schema: AGREEMENTS_SCHEMA,
    applicationName: 'concord-agreements',
    entities: [Agreement, Milestone, AuditEntry, OutboxMessage, ProcessedCommand],
    migrations: [CreateAgreements1764100000000, Milestones1764100000001],
    poolSize,
  });
}
