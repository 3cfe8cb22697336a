import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { databaseTimeouts, repositoryProviders } from '@concord/database';
import { PeriodicJob, ServiceClient } from '@concord/messaging';
import { constructed, serviceModule, UnitOfWork } from '@concord/service-kit';
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
        constructed(Peers, ServiceClient),
        ...repositoryProviders(
          SubmissionRepository,
          VersionRepository,
          WorkflowRepository,
          PublicationRepository,
          ReviewQueueRepository,
          CampaignFiguresRepository,
        ),
        constructed(
          SubmissionService,
          DataSource,
          SubmissionRepository,
          VersionRepository,
          WorkflowRepository,
          PublicationRepository,
          Peers,
          UnitOfWork,
        ),
        constructed(ReviewQueueService, ReviewQueueRepository),
        constructed(CampaignReportService, CampaignFiguresRepository, Peers),
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
