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
  OutboxRelay,
  PeriodicJob,
  ServiceClient,
  type NatsConnection,
  messagingRetention,
  pruneJob,
  natsOptions,
  healthHandlerFor,
} from '@concord/messaging';
import type { ApprovalsConfig } from './approvals.config';
import { createApprovalsDataSource } from './database/approvals-data-source';
import { CampaignFiguresRepository } from './submission/campaign-report.repository';
import { CampaignReportService } from './submission/campaign-report.service';
import { Peers } from './submission/peers';
import { PublicationRepository } from './submission/publication.repository';
import { ReviewQueueRepository } from './submission/review-queue.repository';
import { ReviewQueueService } from './submission/review-queue.service';
import { SubmissionHandler } from './submission/submission.handler';
import { SubmissionRepository } from './submission/submission.repository';
import { SubmissionService } from './submission/submission.service';
import { VersionRepository } from './submission/version.repository';
import { WorkflowRepository } from './submission/workflow.repository';

export const EVENTS_CONNECTION = Symbol('EVENTS_CONNECTION');
const PEER_CLIENT = Symbol('PEER_CLIENT');
const DEADLINES = Symbol('DEADLINES');

/** Starts the outbox relay and the deadline watch once wired; stops them, NATS and the pool on shutdown. */
const PRUNING = Symbol('PRUNING');

class ApprovalsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(AuditEvidence) private readonly evidence: AuditEvidence,
    @Inject(PRUNING) private readonly pruning: PeriodicJob,
    @Inject(DEADLINES) private readonly deadlines: PeriodicJob,
    @Inject(PEER_CLIENT) private readonly peers: ServiceClient,
    @Inject(EVENTS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
    this.evidence.start();
    this.pruning.start();
    this.deadlines.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.deadlines.stop();
    await this.pruning.stop();
    await this.evidence.stop();
    await this.relay.stop();
    await this.peers.close();
    await this.nc.drain().catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

@Module({})
export class ApprovalsModule {
  static forConfig(config: ApprovalsConfig): DynamicModule {
    const logger = new Logger('approvals');
    const warn = (m: string) => logger.warn(m);
    return {
      module: ApprovalsModule,
      controllers: [SubmissionHandler, auditHandlerFor('approvals'), healthHandlerFor('approvals')],
      providers: [
        {
          provide: DataSource,
          useFactory: () =>
            connectServiceDatabase(
              createApprovalsDataSource(config.DATABASE_URL, config.APPROVALS_DB_POOL, databaseTimeouts(config)),
            ),
        },
        {
          provide: EVENTS_CONNECTION,
          useFactory: async () => {
            const nc = await connectNats({
              ...natsOptions('approvals', config, `concord-${config.CONCORD_ENV}-approvals-events`),
            });
            await ensureEventStream(nc, config.CONCORD_ENV);
            return nc;
          },
        },
        {
          provide: PEER_CLIENT,
          useFactory: () =>
            new ServiceClient(
              natsOptions('approvals', config),
              config.CONCORD_ENV,
              config.RPC_TIMEOUT_MS,
              new ActorProofSigner('approvals', config.CONCORD_ACTOR_KEY),
            ),
        },
        { provide: Peers, useFactory: (client: ServiceClient) => new Peers(client), inject: [PEER_CLIENT] },
        {
          provide: OutboxRelay,
          useFactory: (ds: DataSource, nc: NatsConnection) =>
            new OutboxRelay(ds, nc, { env: config.CONCORD_ENV, log: warn }),
          inject: [DataSource, EVENTS_CONNECTION],
        },
        ...repositoryProviders(
          SubmissionRepository,
          VersionRepository,
          WorkflowRepository,
          PublicationRepository,
          ReviewQueueRepository,
          CampaignFiguresRepository,
        ),
        {
          provide: SubmissionService,
          useFactory: (
            ds: DataSource,
            submissions: SubmissionRepository,
            versions: VersionRepository,
            workflows: WorkflowRepository,
            publications: PublicationRepository,
            peers: Peers,
            relay: OutboxRelay,
          ) => new SubmissionService(ds, submissions, versions, workflows, publications, peers, () => relay.wake()),
          inject: [
            DataSource,
            SubmissionRepository,
            VersionRepository,
            WorkflowRepository,
            PublicationRepository,
            Peers,
            OutboxRelay,
          ],
        },
        {
          provide: ReviewQueueService,
          useFactory: (queue: ReviewQueueRepository) => new ReviewQueueService(queue),
          inject: [ReviewQueueRepository],
        },
        {
          provide: CampaignReportService,
          useFactory: (figures: CampaignFiguresRepository, peers: Peers) => new CampaignReportService(figures, peers),
          inject: [CampaignFiguresRepository, Peers],
        },
        {
          provide: DEADLINES,
          useFactory: (submissions: SubmissionService) =>
            new PeriodicJob(
              'review deadlines',
              () => submissions.escalateOverdue(),
              config.APPROVALS_DEADLINES_MS,
              warn,
            ),
          inject: [SubmissionService],
        },
        ...auditProviders('approvals', {
          signingKey: config.CONCORD_AUDIT_KEY_APPROVALS,
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
        ApprovalsLifecycle,
      ],
    };
  }
}
