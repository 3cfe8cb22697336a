import type { BriefInput, CampaignRequestView, CampaignView } from '@concord/domain';
import type { z } from 'zod';
import type { Brief } from './brief.entity';
import type { CampaignRequest } from './campaign-request.entity';
import type { Campaign } from './campaign.entity';

/** A campaign as the caller sees it: budget and agreements only for the owning agency. */
export function toCampaignView(c: Campaign, options: { owner: boolean }): CampaignView {
  return {
    id: c.id,
    ownerAgencyId: c.ownerAgencyId,
    partnerAgencyIds: c.partnerAgencyIds,
    title: c.title,
    objective: c.objective,
    keyMessages: c.keyMessages,
    requiredHashtags: c.requiredHashtags,
    platforms: c.platforms as CampaignView['platforms'],
    period: { start: c.periodStart, end: c.periodEnd },
    targets: c.targets,
    ...(options.owner ? { budget: c.budget, agreementIds: c.agreementIds } : {}),
    status: c.status,
    version: c.version,
    sourceRequestId: c.sourceRequestId,
    statusHistory: c.statusHistory,
    createdBy: c.createdBy,
    createdAt: c.createdAt.toISOString(),
  };
}

export function toCampaignRequestView(r: CampaignRequest): CampaignRequestView {
  return {
    id: r.id,
    fromAgencyId: r.fromAgencyId,
    toAgencyId: r.toAgencyId,
    title: r.title,
    objective: r.objective,
    keyMessages: r.keyMessages,
    proposedPeriod: { start: r.proposedStart, end: r.proposedEnd },
    expectedDeliverables: r.expectedDeliverables,
    responseDeadline: r.responseDeadline.toISOString(),
    status: r.status,
    counterProposal: r.counterProposal,
    campaignId: r.campaignId,
    statusHistory: r.statusHistory,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
  };
}

export function toBriefView(b: Brief, options: { owner: boolean }) {
  return {
    id: b.id,
    campaignId: b.campaignId,
    kind: b.kind,
    title: b.title,
    keyMessages: b.keyMessages,
    platforms: b.platforms as z.infer<typeof BriefInput>['platforms'],
    languages: b.languages,
    dueAt: b.dueAt.toISOString(),
    quantity: b.quantity,
    window: { start: b.windowStart.toISOString(), end: b.windowEnd.toISOString() },
    ...(options.owner ? { feePerDeliverable: b.feePerDeliverable } : {}),
    createdBy: b.createdBy,
    createdAt: b.createdAt.toISOString(),
  };
}
