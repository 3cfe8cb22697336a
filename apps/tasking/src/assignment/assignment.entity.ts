import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { AssignmentStatusName, AssignmentView } from '@concord/domain';
import { Brief } from '../campaign/brief.entity';
import { Campaign } from '../campaign/campaign.entity';
import { FanOut } from './fan-out.entity';

/**
 * A brief offered to one creator (`assignments`, created in bulk by the fan-out). Mapped so that AssignmentRepository's
 * reads start from `visibleTo`; its writes are hand-written SQL (bulk offers, moves of many at once).
 */
@Entity({ name: 'assignments' })
@Index('assignments_once_per_brief', ['briefId', 'creatorId'], {
  unique: true,
  where: "status NOT IN ('declined', 'expired', 'cancelled')",
})
@Index('assignments_creator_busy', ['creatorId', 'windowStart'], {
  where: "status IN ('offered', 'accepted', 'submitted', 'approved')",
})
@Index('assignments_creator', ['creatorId', 'id'])
@Index('assignments_company', ['managementCompanyId', 'id'], { where: 'management_company_id IS NOT NULL' })
@Index('assignments_agreement', ['agreementId'], { where: "status NOT IN ('declined', 'expired', 'cancelled')" })
@Index('assignments_campaign', ['campaignId', 'status'])
@Index('assignments_brief', ['briefId', 'id'])
@Index('assignments_offered_due', ['dueAt'], { where: "status = 'offered'" })
@Check('assignments_quantity_check', 'quantity > 0')
export class Assignment {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'brief_id', type: 'uuid' })
  @ForeignKey(() => Brief, { name: 'assignments_brief_id_fkey' })
  briefId: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  @ForeignKey(() => Campaign, { name: 'assignments_campaign_id_fkey' })
  campaignId: string;

  @Column({ name: 'fan_out_id', type: 'uuid' })
  @ForeignKey(() => FanOut, { name: 'assignments_fan_out_id_fkey' })
  fanOutId: string;

  @Column({ name: 'creator_id', type: 'uuid' })
  creatorId: string;

  @Column({ name: 'creator_name', type: 'text' })
  creatorName: string;

  @Column({ name: 'management_company_id', type: 'uuid', nullable: true })
  managementCompanyId: string | null;

  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId: string;

  @Column('int')
  quantity: number;

  @Column('text')
  status: AssignmentStatusName;

  @Column({ name: 'window_start', type: 'timestamptz' })
  windowStart: Date;

  @Column({ name: 'window_end', type: 'timestamptz' })
  windowEnd: Date;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  flags: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  overrides: AssignmentView['overrides'];

  @Column({ name: 'status_history', type: 'jsonb' })
  statusHistory: AssignmentView['statusHistory'];

  @Column('int')
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'submission_id', type: 'uuid', nullable: true })
  submissionId: string | null;
}
