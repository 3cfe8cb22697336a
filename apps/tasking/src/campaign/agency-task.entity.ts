import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { Campaign } from './campaign.entity';
import type { AgencyTaskStatusName } from '@concord/domain';
import { BetweenAgencies } from './between-agencies';

/** A piece of work one agency asks of another, optionally within a campaign. */
@Entity({ name: 'agency_tasks' })
@Index('agency_tasks_to', ['toAgencyId', 'status', 'dueAt'])
@Index('agency_tasks_from', ['fromAgencyId', 'status', 'dueAt'])
export class AgencyTask extends BetweenAgencies<AgencyTaskStatusName> {
  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  @ForeignKey(() => Campaign, { name: 'agency_tasks_campaign_id_fkey' })
  campaignId: string | null;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;
}
