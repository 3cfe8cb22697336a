import { z } from 'zod';
import { ROLES } from '../actor';
import { CHECK_FINDINGS, CHECKS } from '../approval/content-checks';
import { REVIEW_DECISIONS, SUBMISSION_STATUSES } from '../approval/submission-status.machine';
import { BRIEF_KINDS } from './campaign';
import { BEFORE_START, DateTime, IdParam, Int, PageQuery, pageOf, QueryBoolean, QueryInt, SafeInt } from './common';
import { Platform } from './creator';

export const StageTemplateInput = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, 'a key such as legal or partner_review'),
  /** `owner`, `partners` (one stage per partner agency) or an agency id. */
  agency: z.string().regex(/^[a-z0-9-]{2,40}$/),
  role: z.enum(ROLES).exclude(['creator']),
  quorum: z.number().int().min(1).max(10).default(1),
  deadlineHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(48),
});
export const WorkflowInput = z.object({ stages: z.array(StageTemplateInput).min(1).max(10) });
export const WorkflowView = z.object({
  campaignId: z.uuid(),
  stages: z.array(StageTemplateInput.required()),
  /** Whether it is the default (nobody set one). */
  isDefault: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: z.iso.datetime().nullable(),
});
/** A partner agency's consent to a workflow of a joint campaign that leaves out its review. */
export const WorkflowConsentView = z.object({
  campaignId: z.uuid(),
  agencyId: z.string(),
  stages: z.array(StageTemplateInput.required()),
  givenBy: z.string(),
  givenAt: z.iso.datetime(),
});

export const MediaInput = z.object({
  url: z.url().max(2000),
  mimeType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'a MIME type such as video/mp4'),
  sizeBytes: SafeInt(1, 50 * 1024 ** 3),
  /** Hex sha256 of the file, which stays with the creator. */
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, '64 hex characters')
    .transform((s) => s.toLowerCase()),
});

export const VersionInput = z.object({
  title: z.string().trim().min(1).max(500).optional(),
  /** Caption or script. */
  text: z.string().trim().min(1).max(70_000),
  media: z.array(MediaInput).max(20).default([]),
});

export const SubmissionInput = VersionInput.extend({
  platform: Platform,
  kind: z.enum(BRIEF_KINDS),
  plannedAt: DateTime,
});

export const CheckResultView = z.object({
  check: z.enum(CHECKS),
  passed: z.boolean(),
  /** A stable code for what was found, and what it is about (absent on versions checked before findings had codes). */
  finding: z.enum(CHECK_FINDINGS).optional(),
  values: z.array(z.string()).optional(),
  overruns: z
    .array(z.object({ part: z.enum(['caption', 'title']), length: z.number().int(), limit: z.number().int() }))
    .optional(),
  /** The finding in English words. */
  detail: z.string(),
});
export const Stage = z.object({
  key: z.string(),
  agencyId: z.string(),
  role: z.string(),
  quorum: z.number().int(),
  deadlineHours: z.number().int(),
});
export const SubmissionStatus = z.enum(SUBMISSION_STATUSES);

export const VersionView = z.object({
  number: z.number().int(),
  title: z.string().nullable(),
  text: z.string(),
  media: z.array(z.object({ url: z.string(), mimeType: z.string(), sizeBytes: z.number().int(), sha256: z.string() })),
  checks: z.array(CheckResultView),
  overrides: z.array(z.object({ check: z.enum(CHECKS), reason: z.string(), by: z.string(), at: z.iso.datetime() })),
  submittedBy: z.string(),
  submittedAt: z.iso.datetime(),
});

export const CommentView = z.object({
  id: z.uuid(),
  version: z.number().int(),
  parentId: z.uuid().nullable(),
  range: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
  body: z.string(),
  /** `creator`: addressed to the creator (they see it); `internal`: between reviewers. */
  visibility: z.enum(['creator', 'internal']),
  by: z.string(),
  agencyId: z.string(),
  at: z.iso.datetime(),
});

export const DecisionView = z.object({
  version: z.number().int(),
  stage: z.string(),
  decision: z.enum(REVIEW_DECISIONS),
  reason: z.string().nullable(),
  by: z.string(),
  agencyId: z.string(),
  at: z.iso.datetime(),
});

export const PublicationView = z.object({
  id: z.uuid(),
  submissionId: z.uuid(),
  platform: Platform,
  url: z.string(),
  publishedAt: z.iso.datetime(),
  recordedBy: z.string(),
  latestMetrics: z
    .object({
      at: z.iso.datetime(),
      views: z.number().int(),
      likes: z.number().int(),
      comments: z.number().int(),
      shares: z.number().int(),
    })
    .nullable(),
});

export const SubmissionView = z.object({
  id: z.uuid(),
  assignmentId: z.uuid(),
  campaignId: z.uuid(),
  ownerAgencyId: z.string(),
  partnerAgencyIds: z.array(z.string()),
  creatorId: z.uuid(),
  creatorName: z.string(),
  platform: Platform,
  kind: z.enum(BRIEF_KINDS),
  plannedAt: DateTime,
  status: SubmissionStatus,
  stages: z.array(Stage),
  /** The stage in review (in_review only). */
  currentStage: Stage.extend({
    index: z.number().int(),
    dueAt: z.iso.datetime(),
    overdue: z.boolean(),
    escalated: z.boolean(),
    approvals: z.array(z.string()),
  }).nullable(),
  versions: z.array(VersionView),
  comments: z.array(CommentView),
  decisions: z.array(DecisionView),
  publication: PublicationView.nullable(),
  timeline: z.array(z.object({ at: z.iso.datetime(), what: z.string(), by: z.string() })),
  version: z.number().int(),
  submittedBy: z.string(),
  createdAt: z.iso.datetime(),
});

export const SubmissionSummary = SubmissionView.pick({
  id: true,
  assignmentId: true,
  campaignId: true,
  ownerAgencyId: true,
  creatorName: true,
  platform: true,
  kind: true,
  status: true,
  currentStage: true,
  createdAt: true,
});

export const DecisionInput = z.object({
  decision: z.enum(REVIEW_DECISIONS),
  /** The stage (its index) and version the reviewer decided on: if the review moved on meanwhile, the decision is refused. */
  stage: Int(0),
  version: Int(1),
  reason: z.string().trim().min(1).max(4000).optional(),
});

export const CommentInput = z.object({
  body: z.string().trim().min(1).max(4000),
  version: Int(1).optional(),
  parentId: z.uuid().optional(),
  range: z
    .object({ start: Int(0), end: Int(0) })
    .refine((r) => r.start <= r.end, { path: ['end'], ...BEFORE_START })
    .optional(),
  visibility: z.enum(['creator', 'internal']).default('creator'),
});

export const OverrideInput = z.object({ check: z.enum(CHECKS), reason: z.string().trim().min(3).max(2000) });
export const WithdrawInput = z.object({ reason: z.string().trim().max(2000).optional() });
export const PublicationInput = z.object({ url: z.url().max(2000), publishedAt: DateTime });
export const MetricsInput = z.object({
  at: DateTime,
  views: SafeInt(),
  likes: SafeInt().default(0),
  comments: SafeInt().default(0),
  shares: SafeInt().default(0),
  /** Figures below an earlier reading (or above a later one) are refused unless they correct a mistake, with the reason (stored and audited). */
  correction: z.object({ reason: z.string().trim().min(3).max(2000) }).optional(),
});

export const ReviewQuery = z.object({
  /** Only what waits for the caller's roles (otherwise everything in review at the caller's agency). */
  mine: QueryBoolean.optional(),
  ...PageQuery,
});
export const ReviewPage = pageOf(SubmissionSummary);

export const DiffQuery = z.object({ from: QueryInt(1), to: QueryInt(1) });
export const DiffView = z.object({
  from: z.number().int(),
  to: z.number().int(),
  title: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })),
  text: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })),
});

export const ReachTotals = z.object({
  publications: z.number().int(),
  views: z.number().int(),
  likes: z.number().int(),
  comments: z.number().int(),
  shares: z.number().int(),
});
export const CampaignReport = z.object({
  campaignId: z.uuid(),
  generatedAt: z.iso.datetime(),
  totals: ReachTotals,
  targets: z.object({ views: z.number().int().nullable(), publications: z.number().int().nullable() }),
  /** Share of each target reached (1 = met); null without a target. */
  progress: z.object({ views: z.number().nullable(), publications: z.number().nullable() }),
  byPlatform: z.array(ReachTotals.extend({ platform: z.string() })),
  byCreator: z.array(ReachTotals.extend({ creatorId: z.uuid(), creatorName: z.string() })),
  /** Views per day: the latest figure of each publication by the end of that day, summed. */
  byDay: z.array(
    z.object({
      day: z.iso.date(),
      views: z.number().int(),
      likes: z.number().int(),
      comments: z.number().int(),
      shares: z.number().int(),
    }),
  ),
});

export const ApprovalCommands = {
  workflowGet: IdParam,
  workflowSet: IdParam.extend({ input: WorkflowInput }),
  workflowConsent: IdParam.extend({ input: WorkflowInput }),
  submit: IdParam.extend({ input: SubmissionInput }),
  addVersion: IdParam.extend({ input: VersionInput }),
  get: IdParam,
  diff: IdParam.extend({ query: DiffQuery }),
  comment: IdParam.extend({ input: CommentInput }),
  decide: IdParam.extend({ input: DecisionInput }),
  override: IdParam.extend({ input: OverrideInput }),
  withdraw: IdParam.extend({ input: WithdrawInput }),
  reviews: z.object({ query: ReviewQuery }),
  publish: IdParam.extend({ input: PublicationInput }),
  metrics: IdParam.extend({ input: MetricsInput }),
  report: IdParam,
};

/** What approvals' events carry; tasking moves the assignment with them. */
export const SubmissionEventData = z.object({
  submissionId: z.uuid(),
  assignmentId: z.uuid(),
  campaignId: z.uuid(),
  creatorId: z.uuid(),
  status: SubmissionStatus,
  version: z.number().int(),
  stage: z.string().nullable(),
  note: z.string().nullable(),
});

/** A review stage passed its deadline undecided (escalated once). */
export const StageOverdue = z.object({
  submissionId: z.uuid(),
  assignmentId: z.uuid(),
  campaignId: z.uuid(),
  stage: z.string(),
  agencyId: z.string(),
  role: z.string(),
  dueAt: z.iso.datetime(),
});

/** Approved content went live at a URL. */
export const PublicationRecorded = z.object({
  publicationId: z.uuid(),
  submissionId: z.uuid(),
  assignmentId: z.uuid(),
  campaignId: z.uuid(),
  creatorId: z.uuid(),
  url: z.string(),
  publishedAt: DateTime,
});

/** A publication's reach at a moment. */
export const MetricsReported = z.object({
  publicationId: z.uuid(),
  submissionId: z.uuid(),
  assignmentId: z.uuid(),
  campaignId: z.uuid(),
  at: DateTime,
  views: SafeInt(),
});

/** What reporting a publication's figures answers: the figures kept, and the correction's reason if it was one. */
export const MetricsView = MetricsInput.extend({ publicationId: z.uuid() });

export type WorkflowInput = z.infer<typeof WorkflowInput>;
export type SubmissionView = z.infer<typeof SubmissionView>;
export type CampaignReport = z.infer<typeof CampaignReport>;
export type VersionInput = z.infer<typeof VersionInput>;
