import type { DataSource } from 'typeorm';
import { createServiceDataSource, type DatabaseTimeouts } from '@concord/database';
import { AuditEntry } from '@concord/audit';
import { OutboxMessage, ProcessedCommand } from '@concord/messaging';
import { CampaignRequest } from '../campaign/campaign-request.entity';
import { Campaign } from '../campaign/campaign.entity';
import { CreateTasking1764200000000 } from './migrations/1764200000000-CreateTasking';
import { AgencyTasks1764200000001 } from './migrations/1764200000001-AgencyTasks';
import { Briefs1764200000002 } from './migrations/1764200000002-Briefs';
import { Brief } from '../campaign/brief.entity';
import { AgencyTask } from '../campaign/agency-task.entity';
import { Assignment } from '../assignment/assignment.entity';
import { FanOut } from '../assignment/fan-out.entity';
import { Assignments1764200000003 } from './migrations/1764200000003-Assignments';
import { ContentTerms1764200000004 } from './migrations/1764200000004-ContentTerms';
import { AssignmentSubmission1764200000005 } from './migrations/1764200000005-AssignmentSubmission';
import { AgreementBudget1764200000006 } from './migrations/1764200000006-AgreementBudget';
import { MessagingRetention1764200000010 } from './migrations/1764200000010-MessagingRetention';
import { AuditEvidence1764200000016 } from './migrations/1764200000016-AuditEvidence';
import { FanOutRetries1764200000011 } from './migrations/1764200000011-FanOutRetries';
import { OutboxInOrder1764200000018 } from './migrations/1764200000018-OutboxInOrder';
import { AuditRequestIds1764200000021 } from './migrations/1764200000021-AuditRequestIds';
import { UpdatedAt1764200000022 } from './migrations/1764200000022-UpdatedAt';
import { OneStatusHistory1764200000019 } from './migrations/1764200000019-OneStatusHistory';

export const TASKING_SCHEMA = 'tasking';

export function createTaskingDataSource(url: string, poolSize = 10, timeouts?: DatabaseTimeouts): DataSource {
  return createServiceDataSource({
    url,
    schema: TASKING_SCHEMA,
    applicationName: 'concord-tasking',
    entities: [
      Campaign,
      CampaignRequest,
      AgencyTask,
      Brief,
      Assignment,
      FanOut,
      AuditEntry,
      OutboxMessage,
      ProcessedCommand,
    ],
    migrations: [
      CreateTasking1764200000000,
      AgencyTasks1764200000001,
      Briefs1764200000002,
      Assignments1764200000003,
      ContentTerms1764200000004,
      AssignmentSubmission1764200000005,
      AgreementBudget1764200000006,
      MessagingRetention1764200000010,
      FanOutRetries1764200000011,
      AuditEvidence1764200000016,
      OutboxInOrder1764200000018,
      OneStatusHistory1764200000019,
      AuditRequestIds1764200000021,
      UpdatedAt1764200000022,
    ],
    poolSize,
    timeouts,
  });
}
