import { Check, Column, Entity, ForeignKey, Index } from 'typeorm';
import { Campaign } from './campaign.entity';
import type { CampaignRequestStatusName } from '@concord/domain';
import { BetweenAgencies } from './between-agencies';

/** A partner agency's request to the lead agency for a joint campaign. */
@Entity({ name: 'campaign_requests' })
@Index('campaign_requests_to', ['toAgencyId', 'status'])
@Index('campaign_requests_from', ['fromAgencyId', 'status'])
@Check('campaign_requests_check', 'proposed_end >= proposed_start')
export class CampaignRequest extends BetweenAgencies<CampaignRequestStatusName> {
  @Column('text')
  title: string;

  @Column('text')
  objective: string;

  @Column({ name: 'key_messages', type: 'jsonb' })
  keyMessages: string[];

  @Column({ name: 'proposed_start', type: 'date' })
  proposedStart: string;

  @Column({ name: 'proposed_end', type: 'date' })
  proposedEnd: string;

  @Column({ name: 'expected_deliverables', type: 'text' })
  expectedDeliverables: string;

  @Column({ name: 'response_deadline', type: 'timestamptz' })
  responseDeadline: Date;

  @Column({ name: 'counter_proposal', type: 'jsonb', nullable: true })
  counterProposal: {
    proposedPeriod: { start: string; end: string };
    keyMessages?: string[];
    message: string;
    by: string;
    at: string;
  } | null;

  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  @ForeignKey(() => Campaign, { name: 'campaign_requests_campaign_id_fkey' })
  campaignId: string | null;
}
