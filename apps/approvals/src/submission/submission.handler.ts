import { Controller, Inject } from '@nestjs/common';
import { SUBJECTS } from '@concord/domain';
import { Handles, type RequestFor } from '@concord/messaging';
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

  @Handles(S.workflowGet)
  workflowGet(request: RequestFor<typeof S.workflowGet>) {
    return this.submissions.getWorkflow(request);
  }

  @Handles(S.workflowSet)
  workflowSet(request: RequestFor<typeof S.workflowSet>) {
    return this.submissions.setWorkflow(request);
  }

  @Handles(S.workflowConsent)
  workflowConsent(request: RequestFor<typeof S.workflowConsent>) {
    return this.submissions.consentToWorkflow(request);
  }

  @Handles(S.submit)
  submit(request: RequestFor<typeof S.submit>) {
    return this.submissions.submit(request);
  }

  @Handles(S.addVersion)
  addVersion(request: RequestFor<typeof S.addVersion>) {
    return this.submissions.addVersion(request);
  }

  @Handles(S.get)
  get(request: RequestFor<typeof S.get>) {
    return this.submissions.get(request);
  }

  @Handles(S.diff)
  diff(request: RequestFor<typeof S.diff>) {
    return this.submissions.diff(request);
  }

  @Handles(S.comment)
  comment(request: RequestFor<typeof S.comment>) {
    return this.submissions.comment(request);
  }

  @Handles(S.decide)
  decide(request: RequestFor<typeof S.decide>) {
    return this.submissions.decide(request);
  }

  @Handles(S.override)
  override(request: RequestFor<typeof S.override>) {
    return this.submissions.override(request);
  }

  @Handles(S.withdraw)
  withdraw(request: RequestFor<typeof S.withdraw>) {
    return this.submissions.withdraw(request);
  }

  @Handles(S.reviews)
  reviews(request: RequestFor<typeof S.reviews>) {
    return this.queue.list(request);
  }

  @Handles(S.publish)
  publish(request: RequestFor<typeof S.publish>) {
    return this.submissions.publish(request);
  }

  @Handles(S.metrics)
  metrics(request: RequestFor<typeof S.metrics>) {
    return this.submissions.reportMetrics(request);
  }

  @Handles(S.report)
  report(request: RequestFor<typeof S.report>) {
    return this.reports.report(request);
  }
}
