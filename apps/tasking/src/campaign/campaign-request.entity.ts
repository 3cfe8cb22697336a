import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Campaign } from './campaign.entity';
import type { CampaignRequestStatusName, StatusChange } from '@concord/domain';

/** A partner agency's request to the lead agency for a joint campaign. */
@Entity({ name: 'campaign_requests' })
@Index('campaign_requests_to', ['toAgencyId', 'status'])
@Index('campaign_requests_from', ['fromAgencyId', 'status'])
@Check('campaign_requests_check', 'proposed_end >= proposed_start')
export class CampaignRequest {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'from_agency_id', type: 'text' })
  fromAgencyId: string;

  @Column({ name: 'to_agency_id', type: 'text' })
  toAgencyId: string;

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

  @Column('text')
  status: CampaignRequestStatusName;

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

  @Column({ name: 'status_history', type: 'jsonb' })
  statusHistory: StatusChange<CampaignRequestStatusName>[];

  @Column('int')
  version: number;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
