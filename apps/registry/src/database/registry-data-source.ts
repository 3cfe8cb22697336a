import type { DataSource } from 'typeorm';
import { createServiceDataSource, type DatabaseTimeouts } from '@concord/database';
import { AuditEntry } from '@concord/audit';
import { OutboxMessage, ProcessedCommand } from '@concord/messaging';
import { Channel } from '../creator/channel.entity';
import { Creator } from '../creator/creator.entity';
import { CreateRegistry1764000000000 } from './migrations/1764000000000-CreateRegistry';
import { DuplicateDismissals1764000000002 } from './migrations/1764000000002-DuplicateDismissals';
import { SearchWords1764000000003 } from './migrations/1764000000003-SearchWords';
import { CreatorAgreements1764000000004 } from './migrations/1764000000004-CreatorAgreements';
import { CreatorRegions1764000000005 } from './migrations/1764000000005-CreatorRegions';
import { MessagingRetention1764000000010 } from './migrations/1764000000010-MessagingRetention';
import { AuditEvidence1764000000016 } from './migrations/1764000000016-AuditEvidence';
import { CreatorsChangedSince1764000000017 } from './migrations/1764000000017-CreatorsChangedSince';
import { OutboxInOrder1764000000018 } from './migrations/1764000000018-OutboxInOrder';
import { AuditRequestIds1764000000021 } from './migrations/1764000000021-AuditRequestIds';

export const REGISTRY_SCHEMA = 'registry';

/** The fallback fuzzy search: how close a word of a name or handle must be to the query. */
export const WORD_SIMILARITY_THRESHOLD = 0.45;

export function createRegistryDataSource(url: string, poolSize = 10, timeouts?: DatabaseTimeouts): DataSource {
  return createServiceDataSource({
    url,
    schema: REGISTRY_SCHEMA,
    applicationName: 'concord-registry',
    entities: [Creator, Channel, AuditEntry, OutboxMessage, ProcessedCommand],
    migrations: [
      CreateRegistry1764000000000,
      DuplicateDismissals1764000000002,
      SearchWords1764000000003,
      CreatorAgreements1764000000004,
      CreatorRegions1764000000005,
      MessagingRetention1764000000010,
      AuditEvidence1764000000016,
      CreatorsChangedSince1764000000017,
      OutboxInOrder1764000000018,
      AuditRequestIds1764000000021,
    ],
    poolSize,
    timeouts,
    settings: { 'pg_trgm.word_similarity_threshold': WORD_SIMILARITY_THRESHOLD },
  });
}
