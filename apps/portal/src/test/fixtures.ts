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
