import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { databaseTimeouts, repositoryProviders } from '@concord/database';
import { PeriodicJob, ServiceClient } from '@concord/messaging';
import { serviceModule, UnitOfWork } from '@concord/service-kit';
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

const DEADLINES = Symbol('DEADLINES');

@Module({})
export class ApprovalsModule {
  static forConfig(config: ApprovalsConfig): DynamicModule {
    const logger = new Logger('approvals');
    const warn = (m: string) => logger.warn(m);
    return serviceModule({
      module: ApprovalsModule,
      name: 'approvals',
      config,
      dataSource: () =>
        createApprovalsDataSource(config.DATABASE_URL, config.APPROVALS_DB_POOL, databaseTimeouts(config)),
      auditKey: config.CONCORD_AUDIT_KEY_APPROVALS,
      retiredAuditKeys: config.CONCORD_AUDIT_RETIRED_KEYS_APPROVALS,
      callsOthers: true,
      controllers: [SubmissionHandler],
      providers: [
        { provide: Peers, useFactory: (client: ServiceClient) => new Peers(client), inject: [ServiceClient] },
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
            work: UnitOfWork,
          ) => new SubmissionService(ds, submissions, versions, workflows, publications, peers, work),
          inject: [
            DataSource,
            SubmissionRepository,
            VersionRepository,
            WorkflowRepository,
            PublicationRepository,
            Peers,
            UnitOfWork,
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
      ],
      background: [DEADLINES],
    });
  }
}
