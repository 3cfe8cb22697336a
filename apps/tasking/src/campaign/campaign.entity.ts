import { Check, Column, Entity, Index } from 'typeorm';
import { bigintAsNumber, StatusTrackedRow } from '@concord/database';
import type { CampaignStatusName, StatusChange } from '@concord/domain';

/** A communication campaign run by an agency, possibly with partner agencies. */
@Entity({ name: 'campaigns' })
@Index('campaigns_owner', ['ownerAgencyId', 'status'])
@Index('campaigns_partners', ['partnerAgencyIds'], { type: 'gin' })
@Check('campaigns_check', 'period_end >= period_start')
@Check('campaigns_budget_check', 'budget >= 0')
export class Campaign extends StatusTrackedRow<CampaignStatusName, StatusChange<CampaignStatusName>> {
  @Column({ name: 'owner_agency_id', type: 'text' })
  ownerAgencyId: string;

  @Column({ name: 'partner_agency_ids', type: 'text', array: true })
  partnerAgencyIds: string[];

  @Column('text')
  title: string;

  @Column('text')
  objective: string;

  @Column({ name: 'key_messages', type: 'jsonb' })
  keyMessages: string[];

  @Column({ name: 'required_hashtags', type: 'jsonb' })
  requiredHashtags: string[];

  @Column('jsonb')
  platforms: string[];

  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  targets: { views?: number; publications?: number };

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  budget: number;

  @Column({ name: 'agreement_ids', type: 'uuid', array: true })
  agreementIds: string[];

  @Column({ name: 'source_request_id', type: 'uuid', nullable: true })
  sourceRequestId: string | null;
}
