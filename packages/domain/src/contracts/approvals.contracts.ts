import type { z } from 'zod';
import { EVENTS, SUBJECTS } from '../subjects';
import {
  ApprovalCommands,
  CampaignReport,
  DiffView,
  MetricsReported,
  MetricsView,
  PublicationRecorded,
  ReviewPage,
  StageOverdue,
  SubmissionEventData,
  SubmissionView,
  WorkflowConsentView,
  WorkflowView,
} from './approval';
import { AUDIT_CONTRACT, AuditCheckpointed } from './audit';
import { HealthCheck, HealthReply } from './common';
import type { Contract, SubjectsOf } from './contract';

const S = SUBJECTS.approvals;
const E = EVENTS.approvals;
const C = ApprovalCommands;

/** Every request-reply subject of the content approval service, with what it takes and answers. */
export const APPROVALS_CONTRACTS = {
  [S.health]: { request: HealthCheck, reply: HealthReply },
  [S.workflowGet]: { request: C.workflowGet, reply: WorkflowView },
  [S.workflowSet]: { request: C.workflowSet, reply: WorkflowView },
  [S.workflowConsent]: { request: C.workflowConsent, reply: WorkflowConsentView },
  [S.submit]: { request: C.submit, reply: SubmissionView },
  [S.addVersion]: { request: C.addVersion, reply: SubmissionView },
  [S.get]: { request: C.get, reply: SubmissionView },
  [S.diff]: { request: C.diff, reply: DiffView },
  [S.comment]: { request: C.comment, reply: SubmissionView },
  [S.decide]: { request: C.decide, reply: SubmissionView },
  [S.override]: { request: C.override, reply: SubmissionView },
  [S.withdraw]: { request: C.withdraw, reply: SubmissionView },
  [S.reviews]: { request: C.reviews, reply: ReviewPage },
  [S.publish]: { request: C.publish, reply: SubmissionView },
  [S.metrics]: { request: C.metrics, reply: MetricsView },
  [S.report]: { request: C.report, reply: CampaignReport },
  [S.auditList]: AUDIT_CONTRACT.list,
  [S.auditVerify]: AUDIT_CONTRACT.verify,
  [S.auditExport]: AUDIT_CONTRACT.export,
} as const satisfies Record<SubjectsOf<typeof S>, Contract>;

/** Every event of the content approval service, with its data. */
export const APPROVALS_EVENTS = {
  [E.submissionSubmitted]: SubmissionEventData,
  [E.submissionChangesRequested]: SubmissionEventData,
  [E.submissionApproved]: SubmissionEventData,
  [E.submissionRejected]: SubmissionEventData,
  [E.submissionWithdrawn]: SubmissionEventData,
  [E.stageOverdue]: StageOverdue,
  [E.publicationRecorded]: PublicationRecorded,
  [E.metricsReported]: MetricsReported,
  [E.auditCheckpointed]: AuditCheckpointed,
} as const satisfies Record<SubjectsOf<typeof E>, z.ZodType>;
