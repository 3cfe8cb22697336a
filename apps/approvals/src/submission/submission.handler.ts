import { SUBJECTS } from '@concord/domain';
import { subjectHandler } from '@concord/service-kit';
import { CampaignReportService } from './campaign-report.service';
import { ReviewQueueService } from './review-queue.service';
import { SubmissionService } from './submission.service';

const S = SUBJECTS.approvals;

/** NATS in, reply out: workflows, submissions, reviews, publications, reach; one line each. */
export const SubmissionHandler = subjectHandler(
  'SubmissionHandler',
  { submissions: SubmissionService, queue: ReviewQueueService, reports: CampaignReportService },
  {
    [S.workflowGet]: ({ submissions }, request) => submissions.getWorkflow(request),
    [S.workflowSet]: ({ submissions }, request) => submissions.setWorkflow(request),
    [S.workflowConsent]: ({ submissions }, request) => submissions.consentToWorkflow(request),
    [S.submit]: ({ submissions }, request) => submissions.submit(request),
    [S.addVersion]: ({ submissions }, request) => submissions.addVersion(request),
    [S.get]: ({ submissions }, request) => submissions.get(request),
    [S.diff]: ({ submissions }, request) => submissions.diff(request),
    [S.comment]: ({ submissions }, request) => submissions.comment(request),
    [S.decide]: ({ submissions }, request) => submissions.decide(request),
    [S.override]: ({ submissions }, request) => submissions.override(request),
    [S.withdraw]: ({ submissions }, request) => submissions.withdraw(request),
    [S.reviews]: ({ queue }, request) => queue.list(request),
    [S.publish]: ({ submissions }, request) => submissions.publish(request),
    [S.metrics]: ({ submissions }, request) => submissions.reportMetrics(request),
    [S.report]: ({ reports }, request) => reports.report(request),
  },
);
