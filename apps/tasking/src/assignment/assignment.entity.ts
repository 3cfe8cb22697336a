import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AssignmentStatusName, AssignmentView } from '@concord/domain';

/**
 * A brief offered to one creator (`assignments`, created in bulk by the fan-out). Mapped so that AssignmentRepository's
 * reads start from `visibleTo`; its writes are hand-written SQL (bulk offers, moves of many at once).
 */
@Entity({ name: 'assignments' })
export class Assignment {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'brief_id', type: 'uuid' })
  briefId: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @Column({ name: 'fan_out_id', type: 'uuid' })
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

  @Column({ type: 'text', array: true })
  flags: string[];

  @Column('jsonb')
  overrides: AssignmentView['overrides'];

  @Column('jsonb')
  history: AssignmentView['history'];

  @Column('int')
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'submission_id', type: 'uuid', nullable: true })
  submissionId: string | null;
}
