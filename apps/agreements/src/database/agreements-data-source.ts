import type { DataSource } from 'typeorm';
import { createServiceDataSource, type DatabaseTimeouts } from '@concord/database';
import { AuditEntry } from '@concord/audit';
import { OutboxMessage, ProcessedCommand } from '@concord/messaging';
import { Agreement } from '../agreement/agreement.entity';
import { CreateAgreements1764100000000 } from './migrations/1764100000000-CreateAgreements';
import { Milestones1764100000001 } from './migrations/1764100000001-Milestones';
import { AgreementVersions1764100000002 } from './migrations/1764100000002-AgreementVersions';
import { Documents1764100000003 } from './migrations/1764100000003-Documents';
import { AgreementSearchText1764100000004 } from './migrations/1764100000004-AgreementSearchText';
import { MessagingRetention1764100000010 } from './migrations/1764100000010-MessagingRetention';
import { AuditEvidence1764100000016 } from './migrations/1764100000016-AuditEvidence';
import { OutboxInOrder1764100000018 } from './migrations/1764100000018-OutboxInOrder';
import { AuditRequestIds1764100000021 } from './migrations/1764100000021-AuditRequestIds';
import { Counterparties1764100000020 } from './migrations/1764100000020-Counterparties';
import { AgreementDocument } from '../agreement/agreement-document.entity';
import { AgreementVersion } from '../agreement/agreement-version.entity';
import { Milestone } from '../agreement/milestone.entity';

export const AGREEMENTS_SCHEMA = 'agreements';

export function createAgreementsDataSource(url: string, poolSize = 10, timeouts?: DatabaseTimeouts): DataSource {
  return createServiceDataSource({
    url,
    schema: AGREEMENTS_SCHEMA,
    applicationName: 'concord-agreements',
    entities: [Agreement, Milestone, AgreementVersion, AgreementDocument, AuditEntry, OutboxMessage, ProcessedCommand],
    migrations: [
      CreateAgreements1764100000000,
      Milestones1764100000001,
      AgreementVersions1764100000002,
      Documents1764100000003,
      AgreementSearchText1764100000004,
      MessagingRetention1764100000010,
      AuditEvidence1764100000016,
      OutboxInOrder1764100000018,
      Counterparties1764100000020,
      AuditRequestIds1764100000021,
    ],
    poolSize,
    timeouts,
  });
}
