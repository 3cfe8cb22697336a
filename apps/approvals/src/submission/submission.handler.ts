import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ApprovalCommands, SUBJECTS } from '@concord/domain';
import { readEnvelope } from '@concord/messaging';
import { CampaignReportService } from './campaign-report.service';
import { ReviewQueueService } from './review-queue.service';
import { SubmissionService } from './submission.service';

const S = SUBJECTS.approvals;

/** NATS in, reply out: workflows, submissions, reviews, publications, reach; one line each. */
@Controller()
export class SubmissionHandler {
  constructor(
    @Inject(SubmissionService) private readonly submissions: SubmissionService,
    @Inject(ReviewQueueService) private readonly queue: ReviewQueueService,
    @Inject(CampaignReportService) private readonly reports: CampaignReportService,
  ) {}

  @MessagePattern(S.workflowGet)
  workflowGet(@Payload() m: unknown) {
    return this.submissions.getWorkflow(readEnvelope(m, ApprovalCommands.workflowGet));
  }

  @MessagePattern(S.workflowSet)
  workflowSet(@Payload() m: unknown) {
    return this.submissions.setWorkflow(readEnvelope(m, ApprovalCommands.workflowSet));
  }

  @MessagePattern(S.workflowConsent)
  workflowConsent(@Payload() m: unknown) {
    return this.submissions.consentToWorkflow(readEnvelope(m, ApprovalCommands.workflowConsent));
  }

  @MessagePattern(S.submit)
  submit(@Payload() m: unknown) {
    return this.submissions.submit(readEnvelope(m, ApprovalCommands.submit));
  }

  @MessagePattern(S.addVersion)
  addVersion(@Payload() m: unknown) {
    return this.submissions.addVersion(readEnvelope(m, ApprovalCommands.addVersion));
  }

  @MessagePattern(S.get)
  get(@Payload() m: unknown) {
    return this.submissions.get(readEnvelope(m, ApprovalCommands.get));
  }

  @MessagePattern(S.diff)
  diff(@Payload() m: unknown) {
    return this.submissions.diff(readEnvelope(m, ApprovalCommands.diff));
  }

  @MessagePattern(S.comment)
  comment(@Payload() m: unknown) {
    return this.submissions.comment(readEnvelope(m, ApprovalCommands.comment));
  }

  @MessagePattern(S.decide)
  decide(@Payload() m: unknown) {
    return this.submissions.decide(readEnvelope(m, ApprovalCommands.decide));
  }

  @MessagePattern(S.override)
  override(@Payload() m: unknown) {
    return this.submissions.override(readEnvelope(m, ApprovalCommands.override));
  }

  @MessagePattern(S.withdraw)
  withdraw(@Payload() m: unknown) {
    return this.submissions.withdraw(readEnvelope(m, ApprovalCommands.withdraw));
  }

  @MessagePattern(S.reviews)
  reviews(@Payload() m: unknown) {
    return this.queue.list(readEnvelope(m, ApprovalCommands.reviews));
  }

  @MessagePattern(S.publish)
  publish(@Payload() m: unknown) {
    return this.submissions.publish(readEnvelope(m, ApprovalCommands.publish));
  }

  @MessagePattern(S.metrics)
  metrics(@Payload() m: unknown) {
    return this.submissions.reportMetrics(readEnvelope(m, ApprovalCommands.metrics));
  }

  @MessagePattern(S.report)
  report(@Payload() m: unknown) {
    return this.reports.report(readEnvelope(m, ApprovalCommands.report));
  }
}
