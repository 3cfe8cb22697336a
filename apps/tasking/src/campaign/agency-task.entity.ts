import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Campaign } from './campaign.entity';
import type { AgencyTaskStatusName, StatusChange } from '@concord/domain';

/** A piece of work one agency asks of another, optionally within a campaign. */
@Entity({ name: 'agency_tasks' })
@Index('agency_tasks_to', ['toAgencyId', 'status', 'dueAt'])
@Index('agency_tasks_from', ['fromAgencyId', 'status', 'dueAt'])
export class AgencyTask {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'from_agency_id', type: 'text' })
  fromAgencyId: string;

  @Column({ name: 'to_agency_id', type: 'text' })
  toAgencyId: string;

  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  @ForeignKey(() => Campaign, { name: 'agency_tasks_campaign_id_fkey' })
  campaignId: string | null;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column('text')
  status: AgencyTaskStatusName;

  @Column({ name: 'status_history', type: 'jsonb' })
  statusHistory: StatusChange<AgencyTaskStatusName>[];

  @Column('int')
  version: number;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
