import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { databaseTimeouts, repositoryProviders } from '@concord/database';
import {
  EventConsumer,
  PeriodicJob,
  ProcessMetrics,
  ServiceClient,
  type EventConsumerOptions,
  type NatsConnection,
} from '@concord/messaging';
import {
  type Committed,
  COMMITTED,
  constructed,
  EVENTS_CONNECTION,
  serviceModule,
  UnitOfWork,
} from '@concord/service-kit';
import { AssignmentHandler } from './assignment/assignment.handler';
import { AssignmentReactions, FOLLOWED_EVENTS } from './assignment/assignment-reactions';
import { AssignmentRepository } from './assignment/assignment.repository';
import { AssignmentService } from './assignment/assignment.service';
import { FanOutRepository } from './assignment/fan-out.repository';
import { FanOutRunner } from './assignment/fan-out.runner';
import { FanOutService } from './assignment/fan-out.service';
import { CampaignHandler } from './campaign/campaign.handler';
import { AgencyTaskRepository } from './campaign/agency-task.repository';
import { AgencyTaskService } from './campaign/agency-task.service';
import { CampaignRequestRepository } from './campaign/campaign-request.repository';
import { CampaignRepository } from './campaign/campaign.repository';
import { CampaignService } from './campaign/campaign.service';
import { createTaskingDataSource } from './database/tasking-data-source';
import type { TaskingConfig } from './tasking.config';

const CONSUMERS = Symbol('CONSUMERS');
const OFFER_CALENDAR = Symbol('OFFER_CALENDAR');

@Module({})
export class TaskingModule {
  static forConfig(config: TaskingConfig): DynamicModule {
    const logger = new Logger('tasking');
    const warn = (m: string) => logger.warn(m);
    return serviceModule({
      module: TaskingModule,
      name: 'tasking',
      config,
      dataSource: () => createTaskingDataSource(config.DATABASE_URL, config.TASKING_DB_POOL, databaseTimeouts(config)),
      auditKey: config.CONCORD_AUDIT_KEY_TASKING,
      retiredAuditKeys: config.CONCORD_AUDIT_RETIRED_KEYS_TASKING,
      callsOthers: true,
      controllers: [CampaignHandler, AssignmentHandler],
      providers: [
        // The repositories: each aggregate's SQL, constructed with the DataSource and injected where it is used.
        ...repositoryProviders(
          CampaignRepository,
          CampaignRequestRepository,
          AgencyTaskRepository,
          AssignmentRepository,
          FanOutRepository,
        ),
        constructed(CampaignService, DataSource, CampaignRepository, CampaignRequestRepository, UnitOfWork),
        constructed(AgencyTaskService, DataSource, AgencyTaskRepository, CampaignRepository, UnitOfWork),
        {
          provide: FanOutRunner,
          useFactory: (
            ds: DataSource,
            fanOuts: FanOutRepository,
            assignments: AssignmentRepository,
            campaigns: CampaignRepository,
            registry: ServiceClient,
            committed: Committed,
            metrics: ProcessMetrics,
          ) =>
            new FanOutRunner(
              ds,
              fanOuts,
              assignments,
              campaigns,
              registry,
              {
                capacity: config.TASKING_CREATOR_CAPACITY,
                batchSize: config.TASKING_FANOUT_BATCH,
                pollMs: 1000,
                log: warn,
                maxAttempts: config.TASKING_FANOUT_MAX_ATTEMPTS,
                retryBaseMs: config.TASKING_FANOUT_RETRY_MS,
                metrics,
              },
              committed,
            ),
          inject: [
            DataSource,
            FanOutRepository,
            AssignmentRepository,
            CampaignRepository,
            ServiceClient,
            COMMITTED,
            ProcessMetrics,
          ],
        },
        {
          provide: FanOutService,
          useFactory: (
            fanOuts: FanOutRepository,
            campaigns: CampaignRepository,
            runner: FanOutRunner,
            work: UnitOfWork,
          ) => new FanOutService(fanOuts, campaigns, () => runner.wake(), config.TASKING_FANOUT_WAIT_MS, work),
          inject: [FanOutRepository, CampaignRepository, FanOutRunner, UnitOfWork],
        },
        constructed(AssignmentService, DataSource, AssignmentRepository, CampaignRepository, UnitOfWork),
        {
          provide: OFFER_CALENDAR,
          useFactory: (assignments: AssignmentService) =>
            new PeriodicJob(
              'offer calendar',
              () => assignments.expireOverdueOffers(),
              config.TASKING_CALENDAR_MS,
              warn,
            ),
          inject: [AssignmentService],
        },
        {
          provide: CONSUMERS,
          useFactory: (
            ds: DataSource,
            nc: NatsConnection,
            assignments: AssignmentService,
            repository: AssignmentRepository,
          ) => {
            const reactions = new AssignmentReactions(assignments, repository);
            const consumer = (purpose: keyof typeof FOLLOWED_EVENTS, handle: EventConsumerOptions['handle']) =>
              new EventConsumer({
                nc,
                dataSource: ds,
                env: config.CONCORD_ENV,
                service: 'tasking',
                purpose,
                filter: FOLLOWED_EVENTS[purpose],
                handle,
                log: warn,
              });
            return [
              consumer('agreement_coverage', (e, m) => reactions.onAgreementEvent(e, m)),
              consumer('creator_status', (e, m) => reactions.onCreatorStatusChanged(e, m)),
              consumer('assignment_progress', (e, m) => reactions.onApprovalEvent(e, m)),
            ];
          },
          inject: [DataSource, EVENTS_CONNECTION, AssignmentService, AssignmentRepository],
        },
      ],
      background: [FanOutRunner, OFFER_CALENDAR, CONSUMERS],
    });
  }
}
