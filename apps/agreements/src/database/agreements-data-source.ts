import type { DataSource } from 'typeorm';
import { createServiceDataSource } from '@concord/database';
import { AuditEntry } from '@concord/audit';
import { OutboxMessage, ProcessedCommand } from '@concord/messaging';
import { Agreement } from '../agreement/agreement.entity';
import { CreateAgreements1764100000000 } from './migrations/1764100000000-CreateAgreements';

export const AGREEMENTS_SCHEMA = 'agreements';

export function createAgreementsDataSource(url: string, poolSize = 10): DataSource {
  return createServiceDataSource({
    url,
    schema: AGREEMENTS_SCHEMA,
    applicationName: 'concord-agreements',
    entities: [Agreement, AuditEntry, OutboxMessage, ProcessedCommand],
    migrations: [CreateAgreements1764100000000],
    poolSize,
  });
}
