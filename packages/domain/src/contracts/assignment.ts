import { z } from 'zod';
import { statusHistorySchema } from './status-history';
import { ASSIGNMENT_STATUSES } from '../assignment/assignment-status.machine';
import { SKIP_REASONS } from '../assignment/fan-out.rules';
import { FAN_OUT_STATUSES } from '../assignment/fan-out-status.machine';
import { CREATOR_STATUSES } from '../creator/creator-status.machine';
import { BRIEF_KINDS, CampaignReasonInput, NoteInput } from './campaign';
import { BEFORE_START, IdParam, Int, IsoDate, PageQuery, pageOf, QueryBoolean } from './common';
import { LanguageCode, Platform, RegionCode, Topic } from './creator';

/** Which creators of the registry a fan-out targets. */
export const FanOutFilter = z.object({
  topic: Topic.optional(),
  language: LanguageCode.optional(),
  platform: Platform.optional(),
  minFollowers: Int().optional(),
  region: RegionCode.optional(),
});

export const FanOutOverride = z.object({
  creatorId: z.uuid(),
  /** Why the campaign manager offers despite a capacity or calendar conflict. */
  reason: z.string().trim().min(3).max(1000),
});

/** Offer a brief to creators named by id, or to every creator a registry filter finds. */
export const FanOutInput = z
  .object({
    creatorIds: z.array(z.uuid()).min(1).max(20_000).optional(),
    filter: FanOutFilter.optional(),
    overrides: z.array(FanOutOverride).max(1000).default([]),
  })
  .superRefine((v, ctx) => {
    if ((v.creatorIds === undefined) === (v.filter === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['creatorIds'], message: 'Give either creatorIds or filter, not both' });
    }
  });

export const FanOutStatus = z.enum(FAN_OUT_STATUSES);
export const SkipReason = z.enum(SKIP_REASONS);
export const OverrideKind = z.enum(['over_capacity', 'calendar_conflict']);

export const FanOutResult = z.object({
  creatorId: z.uuid(),
  displayName: z.string().nullable(),
  outcome: z.enum(['offered', 'skipped']),
  reason: SkipReason.nullable(),
  detail: z.string().nullable(),
  assignmentId: z.uuid().nullable(),
  overridden: z.array(OverrideKind),
});

export const FanOutQuery = z.object({
  outcome: z.enum(['offered', 'skipped']).optional(),
  reason: SkipReason.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  cursor: PageQuery.cursor,
});

/** A fan-out's progress and, page by page, its per-creator results. */
export const FanOutView = z.object({
  id: z.uuid(),
  briefId: z.uuid(),
  campaignId: z.uuid(),
  status: FanOutStatus,
  target: z.enum(['creators', 'filter']),
  /** How many creators it covers; null until the registry has counted them. */
  total: z.number().int().nullable(),
  processed: z.number().int(),
  offered: z.number().int(),
  skipped: z.number().int(),
  skippedByReason: z.record(z.string(), z.number().int()),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  /** When it completed, failed or was cancelled. */
  completedAt: z.iso.datetime().nullable(),
  /** Why it failed (its last error), was cancelled (the manager's reason), or is retrying (the last error); null otherwise. */
  reason: z.string().nullable(),
  /** Failed attempts in a row so far (a running fan-out retrying with backoff). */
  failedAttempts: z.number().int(),
  results: z.array(FanOutResult),
  nextCursor: z.string().nullable(),
});

export const AssignmentStatus = z.enum(ASSIGNMENT_STATUSES);
const Window = z.object({ start: z.iso.datetime(), end: z.iso.datetime() });

export const AssignmentView = z.object({
  id: z.uuid(),
  briefId: z.uuid(),
  campaignId: z.uuid(),
  ownerAgencyId: z.string(),
  partnerAgencyIds: z.array(z.string()),
  creatorId: z.uuid(),
  creatorName: z.string(),
  managementCompanyId: z.uuid().nullable(),
  agreementId: z.uuid(),
  status: AssignmentStatus,
  brief: z.object({
    kind: z.enum(BRIEF_KINDS),
    title: z.string(),
    keyMessages: z.array(z.string()),
    platforms: z.array(Platform),
    languages: z.array(z.string()),
    dueAt: z.iso.datetime(),
    quantity: z.number().int(),
  }),
  window: Window,
  /** What the content must carry and say: the campaign's hashtags and key messages, the agreement's disclosure label. */
  campaign: z.object({ title: z.string(), requiredHashtags: z.array(z.string()), keyMessages: z.array(z.string()) }),
  disclosureLabel: z.string().nullable(),
  /** The latest submission of its content (content approval), once there is one. */
  submissionId: z.uuid().nullable(),
  /** đồng per deliverable: for the owning agency and the creator, never for partner agencies. */
  feePerDeliverable: z.number().int().optional(),
  overdue: z.boolean(),
  /** Notes on the assignment that need a person's eye, e.g. `agreement_ended`. */
  flags: z.array(z.string()),
  overrides: z.array(z.object({ kind: OverrideKind, reason: z.string(), by: z.string() })),
  statusHistory: statusHistorySchema(AssignmentStatus),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
});

export const AssignmentQuery = z.object({
  /** Only the caller's own (creators always see only theirs). */
  mine: QueryBoolean.optional(),
  campaignId: z.uuid().optional(),
  briefId: z.uuid().optional(),
  creatorId: z.uuid().optional(),
  status: AssignmentStatus.optional(),
  ...PageQuery,
});
export const AssignmentPage = pageOf(AssignmentView);

/** How many assignments of a campaign are in each state (what partner agencies follow). */
export const AssignmentProgress = z.object({
  campaignId: z.uuid(),
  byStatus: z.record(z.string(), z.number().int()),
  total: z.number().int(),
});

export const CalendarQuery = z
  .object({ from: IsoDate, to: IsoDate })
  .refine((q) => Date.parse(q.from) <= Date.parse(q.to), { path: ['to'], ...BEFORE_START });
export const CalendarEntry = z.object({
  kind: z.enum(['campaign', 'brief', 'assignment']),
  id: z.uuid(),
  campaignId: z.uuid(),
  ownerAgencyId: z.string(),
  title: z.string(),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  status: z.string(),
  creatorName: z.string().optional(),
});
export const CalendarView = z.object({ from: z.iso.date(), to: z.iso.date(), items: z.array(CalendarEntry) });

export const AssignmentCommands = {
  fanOutStart: IdParam.extend({ input: FanOutInput }),
  fanOutGet: IdParam.extend({ query: FanOutQuery }),
  fanOutCancel: IdParam.extend({ input: CampaignReasonInput }),
  list: z.object({ query: AssignmentQuery }),
  get: IdParam,
  respond: IdParam.extend({ move: z.enum(['accept', 'decline']), input: NoteInput }),
  cancel: IdParam.extend({ input: CampaignReasonInput }),
  progress: IdParam,
  calendar: z.object({ query: CalendarQuery }),
};

// ---- what tasking asks the registry ----

/** A page of creators for a fan-out: by id, or by filter in id order after `after`. */
export const CreatorSelectRequest = z.object({
  creatorIds: z.array(z.uuid()).max(5000).optional(),
  filter: FanOutFilter.optional(),
  after: z.uuid().optional(),
  limit: z.number().int().min(1).max(5000).default(1000),
  /** Count every match too (the first page of a filter fan-out). */
  count: z.boolean().default(false),
});
export const CreatorCandidate = z.object({
  creatorId: z.uuid(),
  displayName: z.string(),
  status: z.enum(CREATOR_STATUSES),
  managementCompanyId: z.uuid().nullable(),
  platforms: z.array(z.string()),
});
export const CreatorSelectReply = z.object({
  items: z.array(CreatorCandidate),
  total: z.number().int().nullable(),
  nextAfter: z.uuid().nullable(),
});

/** The creator a channel handle belongs to (development sign-in of `creator@<handle>`). */
export const CreatorByHandleRequest = z.object({ handle: z.string().trim().min(1).max(100) });
export const CreatorByHandleReply = z.object({ creatorId: z.uuid(), displayName: z.string(), kind: z.string() });

// ---- events ----

export const AssignmentOffered = z.object({
  assignmentId: z.uuid(),
  fanOutId: z.uuid(),
  briefId: z.uuid(),
  campaignId: z.uuid(),
  creatorId: z.uuid(),
  agreementId: z.uuid(),
  dueAt: z.iso.datetime(),
});
export const AssignmentStatusChanged = z.object({
  assignmentId: z.uuid(),
  campaignId: z.uuid(),
  creatorId: z.uuid(),
  from: AssignmentStatus,
  to: AssignmentStatus,
  note: z.string().nullable(),
});
/** A fan-out ended without completing: failed (its batches kept failing) or cancelled by a campaign manager. */
export const FanOutEnded = z.object({
  fanOutId: z.uuid(),
  briefId: z.uuid(),
  campaignId: z.uuid(),
  status: z.enum(['failed', 'cancelled']),
  reason: z.string(),
  processed: z.number().int(),
  offered: z.number().int(),
});
export const FanOutProgressed = z.object({
  fanOutId: z.uuid(),
  briefId: z.uuid(),
  campaignId: z.uuid(),
  status: FanOutStatus,
  total: z.number().int().nullable(),
  processed: z.number().int(),
  offered: z.number().int(),
  skipped: z.number().int(),
});

/**
 * What the content approval service's events carry that tasking needs: the
 * assignment they concern. (`concord.events.approvals.*`)
 */
export const ApprovalEventData = z.object({ assignmentId: z.uuid() }).loose();

export type FanOutInput = z.infer<typeof FanOutInput>;
export type FanOutView = z.infer<typeof FanOutView>;
export type FanOutResult = z.infer<typeof FanOutResult>;
export type AssignmentView = z.infer<typeof AssignmentView>;
export type CreatorCandidate = z.infer<typeof CreatorCandidate>;
export type CreatorSelectRequest = z.infer<typeof CreatorSelectRequest>;
export type CalendarEntry = z.infer<typeof CalendarEntry>;
