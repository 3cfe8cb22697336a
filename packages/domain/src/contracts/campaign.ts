import { z } from 'zod';
import { statusHistorySchema } from './status-history';
import { AGENCY_TASK_STATUSES, CAMPAIGN_REQUEST_STATUSES, CAMPAIGN_STATUSES } from '../campaign/campaign.machines';
import {
  DateTime,
  IdParam,
  Int,
  PageQuery,
  pageOf,
  Period,
  QueryBoolean,
  SafeInt,
  TimeWindow,
  UpdatedSince,
} from './common';
import { Platform } from './creator';

const KeyMessages = z.array(z.string().trim().min(1).max(500)).min(1).max(10);
const AgencyId = z.string().regex(/^[a-z0-9-]{2,40}$/, 'an agency id such as mofa');

export const CampaignTargets = z.object({
  views: SafeInt().optional(),
  publications: Int().optional(),
});

export const CampaignInput = z.object({
  title: z.string().trim().min(3).max(300),
  objective: z.string().trim().min(1).max(4000),
  keyMessages: KeyMessages,
  requiredHashtags: z
    .array(z.string().regex(/^#[\p{L}\p{N}_]{2,60}$/u, 'a hashtag such as #HuongVeLaCoToQuoc'))
    .max(10)
    .default([]),
  platforms: z.array(Platform).min(1).max(7),
  period: Period,
  /** đồng */
  budget: z.number().int().min(0).max(1_000_000_000_000),
  /** The agreements whose budget the campaign draws on. */
  agreementIds: z.array(z.uuid()).max(50).default([]),
  partnerAgencyIds: z.array(AgencyId).max(10).default([]),
  /** What the campaign aims to reach; the reach report compares against it. */
  targets: CampaignTargets.default({}),
});

export const CampaignStatus = z.enum(CAMPAIGN_STATUSES);

export const CampaignView = z.object({
  id: z.uuid(),
  ownerAgencyId: z.string(),
  partnerAgencyIds: z.array(z.string()),
  title: z.string(),
  objective: z.string(),
  keyMessages: z.array(z.string()),
  requiredHashtags: z.array(z.string()),
  platforms: z.array(Platform),
  period: Period,
  targets: CampaignTargets,
  /** Only for the owning agency. */
  budget: z.number().int().optional(),
  agreementIds: z.array(z.uuid()).optional(),
  status: CampaignStatus,
  version: z.number().int(),
  sourceRequestId: z.uuid().nullable(),
  statusHistory: statusHistorySchema(CampaignStatus),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
});

export const CampaignQuery = z.object({
  status: CampaignStatus.optional(),
  updatedSince: UpdatedSince.optional(),
  ...PageQuery,
});
export const CampaignPage = pageOf(CampaignView);

export const CampaignRequestInput = z.object({
  title: z.string().trim().min(3).max(300),
  objective: z.string().trim().min(1).max(4000),
  keyMessages: KeyMessages,
  proposedPeriod: Period,
  expectedDeliverables: z.string().trim().min(1).max(2000),
  responseDeadline: DateTime,
  /** The lead agency, unless another is named. */
  toAgencyId: AgencyId.default('mcst-ttcs'),
});

export const CounterProposalInput = z.object({
  proposedPeriod: Period,
  keyMessages: KeyMessages.optional(),
  message: z.string().trim().min(1).max(2000),
});

export const CampaignRequestStatus = z.enum(CAMPAIGN_REQUEST_STATUSES);

export const CampaignRequestView = z.object({
  id: z.uuid(),
  fromAgencyId: z.string(),
  toAgencyId: z.string(),
  title: z.string(),
  objective: z.string(),
  keyMessages: z.array(z.string()),
  proposedPeriod: Period,
  expectedDeliverables: z.string(),
  responseDeadline: z.iso.datetime(),
  status: CampaignRequestStatus,
  counterProposal: CounterProposalInput.extend({ by: z.string(), at: z.iso.datetime() }).nullable(),
  campaignId: z.uuid().nullable(),
  statusHistory: statusHistorySchema(CampaignRequestStatus),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
});

export const CampaignRequestQuery = z.object({
  /** inbox: requests to your agency; outbox: requests from it. */
  box: z.enum(['inbox', 'outbox']).default('inbox'),
  status: CampaignRequestStatus.optional(),
  updatedSince: UpdatedSince.optional(),
  ...PageQuery,
});
export const CampaignRequestPage = pageOf(CampaignRequestView);

export const NoteInput = z.object({ note: z.string().trim().max(2000).optional() });
export const CampaignReasonInput = z.object({ reason: z.string().trim().min(1).max(2000) });
export const PartnerInput = z.object({ agencyId: AgencyId });

export const AgencyTaskInput = z.object({
  toAgencyId: AgencyId,
  campaignId: z.uuid().optional(),
  title: z.string().trim().min(3).max(300),
  description: z.string().trim().min(1).max(4000),
  dueAt: DateTime,
});

export const AgencyTaskStatus = z.enum(AGENCY_TASK_STATUSES);

export const AgencyTaskView = z.object({
  id: z.uuid(),
  fromAgencyId: z.string(),
  toAgencyId: z.string(),
  campaignId: z.uuid().nullable(),
  title: z.string(),
  description: z.string(),
  dueAt: z.iso.datetime(),
  status: AgencyTaskStatus,
  overdue: z.boolean(),
  statusHistory: statusHistorySchema(AgencyTaskStatus),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
});

export const AgencyTaskQuery = z.object({
  /** inbox: tasks for your agency; outbox: tasks it asked of others. */
  box: z.enum(['inbox', 'outbox']).default('inbox'),
  status: AgencyTaskStatus.optional(),
  overdue: QueryBoolean.optional(),
  updatedSince: UpdatedSince.optional(),
  ...PageQuery,
});
export const AgencyTaskPage = pageOf(AgencyTaskView);

export const BRIEF_KINDS = ['short_video', 'post', 'livestream', 'article'] as const;
export type BriefKind = (typeof BRIEF_KINDS)[number];

/** What to make within a campaign, and for how much. */
export const BriefInput = z.object({
  kind: z.enum(BRIEF_KINDS),
  title: z.string().trim().min(3).max(300),
  keyMessages: KeyMessages,
  platforms: z.array(Platform).min(1).max(7),
  languages: z
    .array(z.string().regex(/^[a-z]{2}$/, 'an ISO 639-1 code such as vi, en'))
    .min(1)
    .max(10),
  dueAt: DateTime,
  /** Deliverables each creator makes (each assignment uses this many of its agreement's quota). */
  quantity: z.number().int().min(1).max(100),
  /** đồng per deliverable */
  feePerDeliverable: z.number().int().min(0).max(10_000_000_000),
  /**
   * When the work happens and goes out (e.g. a livestream's hours). Two
   * assignments of one creator in overlapping windows of different campaigns
   * conflict. Default: the 24 hours before the due time.
   */
  window: TimeWindow.optional(),
});

export const BriefView = BriefInput.omit({ feePerDeliverable: true, window: true }).extend({
  id: z.uuid(),
  window: z.object({ start: z.iso.datetime(), end: z.iso.datetime() }),
  campaignId: z.uuid(),
  /** Only for the owning agency. */
  feePerDeliverable: z.number().int().optional(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
});

export const BriefList = z.object({ items: z.array(BriefView) });

export const CampaignCommands = {
  create: z.object({ input: CampaignInput }),
  get: IdParam,
  list: z.object({ query: CampaignQuery }),
  activate: IdParam,
  close: IdParam.extend({ input: CampaignReasonInput }),
  cancel: IdParam.extend({ input: CampaignReasonInput }),
  addPartner: IdParam.extend({ input: PartnerInput }),
  requestCreate: z.object({ input: CampaignRequestInput }),
  requestGet: IdParam,
  requestList: z.object({ query: CampaignRequestQuery }),
  requestAccept: IdParam.extend({ input: NoteInput }),
  requestDecline: IdParam.extend({ input: CampaignReasonInput }),
  requestCounter: IdParam.extend({ input: CounterProposalInput }),
  requestWithdraw: IdParam.extend({ input: NoteInput }),
  taskCreate: z.object({ input: AgencyTaskInput }),
  taskGet: IdParam,
  taskList: z.object({ query: AgencyTaskQuery }),
  taskMove: IdParam.extend({ move: z.enum(['accept', 'decline', 'start', 'complete', 'cancel']), input: NoteInput }),
  briefCreate: IdParam.extend({ input: BriefInput }),
  briefList: IdParam,
};

export const CampaignEventData = z.object({
  campaignId: z.uuid(),
  ownerAgencyId: z.string(),
  partnerAgencyIds: z.array(z.string()),
  status: CampaignStatus,
  period: Period,
});

/** A joint campaign request was submitted or answered (`campaign_request.submitted|answered`). */
export const CampaignRequestEventData = z.object({
  requestId: z.uuid(),
  fromAgencyId: z.string(),
  toAgencyId: z.string(),
  status: CampaignRequestStatus,
  /** The campaign an accepted request created; null before. */
  campaignId: z.uuid().nullable(),
});

/** An agency task was proposed or moved (`agency_task.proposed|status_changed`). */
export const AgencyTaskEventData = z.object({
  taskId: z.uuid(),
  fromAgencyId: z.string(),
  toAgencyId: z.string(),
  status: AgencyTaskStatus,
});

/** A brief was published under a campaign. */
export const BriefPublished = z.object({ briefId: z.uuid(), campaignId: z.uuid(), dueAt: DateTime });

export type CampaignInput = z.infer<typeof CampaignInput>;
export type CampaignView = z.infer<typeof CampaignView>;
export type CampaignRequestView = z.infer<typeof CampaignRequestView>;
