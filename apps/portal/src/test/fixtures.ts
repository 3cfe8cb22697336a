import type { Schemas } from '../api/client';

export const CAMPAIGN_ID = '0190f1a2-0000-7000-8000-0000000000c1';
export const BRIEF_ID = '0190f1a2-0000-7000-8000-0000000000b1';

/** A campaign as `GET /v1/campaigns/{id}` returns it, for specs: change what the spec is about. */
export function aCampaign(overrides: Partial<Schemas['CampaignView']> = {}): Schemas['CampaignView'] {
  return {
    id: CAMPAIGN_ID,
    ownerAgencyId: 'mcst-ttcs',
    partnerAgencyIds: ['mofa'],
    title: 'Hanoi Convention',
    objective: 'Explain the signing',
    keyMessages: ['Viet Nam hosts the signing'],
    requiredHashtags: ['#HanoiConvention'],
    platforms: ['tiktok', 'facebook'],
    period: { start: '2026-12-01', end: '2026-12-20' },
    targets: { views: 1000000 },
    status: 'planning',
    version: 1,
    sourceRequestId: null,
    statusHistory: [],
    createdBy: 'manager@mcst',
    createdAt: '2026-11-30T08:00:00Z',
    ...overrides,
  };
}

/** A brief of the campaign as `GET /v1/campaigns/{id}/briefs` lists it, for specs. */
export function aBrief(overrides: Partial<Schemas['BriefView']> = {}): Schemas['BriefView'] {
  return {
    id: BRIEF_ID,
    campaignId: CAMPAIGN_ID,
    kind: 'short_video',
    title: 'The signing in 60 seconds',
    keyMessages: ['Viet Nam hosts the signing'],
    platforms: ['tiktok'],
    languages: ['en'],
    dueAt: '2026-12-12T10:00:00Z',
    quantity: 1,
    window: { start: '2026-12-11T10:00:00Z', end: '2026-12-12T10:00:00Z' },
    createdBy: 'manager@mcst',
    createdAt: '2026-11-30T08:00:00Z',
    ...overrides,
  };
}

/** A submission's review stage as the submissions API shows it, for specs: change what the spec is about. */
export function aReviewStage(overrides: Record<string, unknown> = {}) {
  return {
    key: 'agency_review',
    agencyId: 'mcst-ttcs',
    role: 'reviewer',
    quorum: 1,
    deadlineHours: 48,
    index: 0,
    dueAt: '2026-12-02T04:35:00Z',
    overdue: false,
    escalated: false,
    approvals: [],
    ...overrides,
  };
}

/** The API's 400 refusal of a request whose fields fail validation, naming each in `errors`. */
export function validationRefusal(errors: unknown[], detail = 'The request is not valid', title = 'Invalid') {
  return {
    status: 400,
    body: {
      type: 'https://concord.gov.vn/problems/validation/failed',
      title,
      code: 'validation.failed',
      detail,
      errors,
    },
  };
}

/** An agreement's terms as the agreements API shows them, for specs. */
export const AGREEMENT_TERMS = {
  title: 'Ra mắt trình chiếu 3D Điện Biên Phủ',
  scope: '50 short videos around the launch',
  term: { start: '2026-03-01', end: '2026-12-31' },
  budget: 450_000_000,
  deliverables: [{ platform: 'tiktok' as const, quantity: 30 }],
  disclosureLabel: '#HợpTác cùng Cục TTCS&TTĐN',
};
