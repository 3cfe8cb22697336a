import {
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEvidence, auditProviders, auditHandlerFor } from '@concord/audit';
import { connectServiceDatabase, databaseTimeouts, repositoryProviders } from '@concord/database';
import {
  ActorProofSigner,
  connectNats,
  ensureEventStream,
  EventConsumer,
  OutboxRelay,
  PeriodicJob,
  ServiceClient,
  type EventConsumerOptions,
  type NatsConnection,
  messagingRetention,
  pruneJob,
  natsOptions,
  healthHandlerFor,
} from '@concord/messaging';
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

export const EVENTS_CONNECTION = Symbol('EVENTS_CONNECTION');
const REGISTRY = Symbol('REGISTRY');
const CONSUMERS = Symbol('CONSUMERS');
const OFFER_CALENDAR = Symbol('OFFER_CALENDAR');

/** Starts the relay, the fan-out runner, the consumers and the offer calendar once wired; stops them, NATS and the pool on shutdown. */
const PRUNING = Symbol('PRUNING');

class TaskingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(AuditEvidence) private readonly evidence: AuditEvidence,
    @Inject(PRUNING) private readonly pruning: PeriodicJob,
    @Inject(FanOutRunner) private readonly runner: FanOutRunner,
    @Inject(CONSUMERS) private readonly consumers: EventConsumer[],
    @Inject(OFFER_CALENDAR) private readonly calendar: PeriodicJob,
    @Inject(REGISTRY) private readonly registry: ServiceClient,
    @Inject(EVENTS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.relay.start();
    this.evidence.start();
    this.pruning.start();
    this.runner.start();
    this.calendar.start();
    for (const consumer of this.consumers) await consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.calendar.stop();
    for (const consumer of this.consumers) await consumer.stop();
    await this.pruning.stop();
    await this.evidence.stop();
    await this.relay.stop();
    await this.registry.close();
    await this.nc.drain().catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

@Module({})
export class TaskingModule {
  static forConfig(config: TaskingConfig): DynamicModule {
    const logger = new Logger('tasking');
    const warn = (m: string) => logger.warn(m);
    return {
      module: TaskingModule,
      controllers: [CampaignHandler, AssignmentHandler, auditHandlerFor('tasking'), healthHandlerFor('tasking')],
      providers: [
        {
          provide: DataSource,
          useFactory: () =>
            connectServiceDatabase(
              createTaskingDataSource(config.DATABASE_URL, config.TASKING_DB_POOL, databaseTimeouts(config)),
            ),
        },
        {
          provide: EVENTS_CONNECTION,
          useFactory: async () => {
            // No async stack traces: the relay publishes thousands of events per fan-out, and each trace costs CPU.
            const nc = await connectNats({
              ...natsOptions('tasking', config, `concord-${config.CONCORD_ENV}-tasking-events`),
              noAsyncTraces: true,
            });
            await ensureEventStream(nc, config.CONCORD_ENV);
            return nc;
          },
        },
        {
          provide: REGISTRY,
          useFactory: () =>
            new ServiceClient(
              natsOptions('tasking', config),
              config.CONCORD_ENV,
              config.RPC_TIMEOUT_MS,
              new ActorProofSigner('tasking', config.CONCORD_ACTOR_KEY),
            ),
        },
        {
          provide: OutboxRelay,
          useFactory: (ds: DataSource, nc: NatsConnection) =>
            new OutboxRelay(ds, nc, { env: config.CONCORD_ENV, log: warn }),
          inject: [DataSource, EVENTS_CONNECTION],
        },
        // The repositories: each aggregate's SQL, constructed with the DataSource and injected where it is used.
        ...repositoryProviders(
          CampaignRepository,
          CampaignRequestRepository,
          AgencyTaskRepository,
          AssignmentRepository,
          FanOutRepository,
        ),
        {
          provide: CampaignService,
          useFactory: (
            ds: DataSource,
            campaigns: CampaignRepository,
            requests: CampaignRequestRepository,
            relay: OutboxRelay,
          ) => new CampaignService(ds, campaigns, requests, () => relay.wake()),
          inject: [DataSource, CampaignRepository, CampaignRequestRepository, OutboxRelay],
        },
        {
          provide: AgencyTaskService,
          useFactory: (
            ds: DataSource,
            tasks: AgencyTaskRepository,
            campaigns: CampaignRepository,
            relay: OutboxRelay,
          ) => new AgencyTaskService(ds, tasks, campaigns, () => relay.wake()),
          inject: [DataSource, AgencyTaskRepository, CampaignRepository, OutboxRelay],
        },
        {
          provide: FanOutRunner,
          useFactory: (
            ds: DataSource,
            fanOuts: FanOutRepository,
            assignments: AssignmentRepository,
            campaigns: CampaignRepository,
            registry: ServiceClient,
            relay: OutboxRelay,
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
              },
              () => relay.wake(),
            ),
          inject: [DataSource, FanOutRepository, AssignmentRepository, CampaignRepository, REGISTRY, OutboxRelay],
        },
        {
          provide: FanOutService,
          useFactory: (
            ds: DataSource,
            fanOuts: FanOutRepository,
            campaigns: CampaignRepository,
            runner: FanOutRunner,
            relay: OutboxRelay,
          ) =>
            new FanOutService(
              ds,
              fanOuts,
              campaigns,
              () => runner.wake(),
              config.TASKING_FANOUT_WAIT_MS,
              () => relay.wake(),
            ),
          inject: [DataSource, FanOutRepository, CampaignRepository, FanOutRunner, OutboxRelay],
        },
        {
          provide: AssignmentService,
          useFactory: (
            ds: DataSource,
            assignments: AssignmentRepository,
            campaigns: CampaignRepository,
            relay: OutboxRelay,
          ) => new AssignmentService(ds, assignments, campaigns, () => relay.wake()),
          inject: [DataSource, AssignmentRepository, CampaignRepository, OutboxRelay],
        },
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
        ...auditProviders('tasking', {
          signingKey: config.CONCORD_AUDIT_KEY_TASKING,
          sequenceMs: config.AUDIT_SEQUENCE_MS,
          checkpointMs: config.AUDIT_CHECKPOINT_MS,
          log: (m) => new Logger('AuditEvidence').warn(m),
        }),
        {
          provide: PRUNING,
          useFactory: (ds: DataSource) =>
            pruneJob(
              ds,
              messagingRetention({
                commandRetentionMs: config.IDEMPOTENCY_RETENTION_HOURS * 3_600_000,
                outboxRetentionMs: config.OUTBOX_RETENTION_HOURS * 3_600_000,
              }),
              warn,
            ),
          inject: [DataSource],
        },
        TaskingLifecycle,
      ],
    };
  }
}
