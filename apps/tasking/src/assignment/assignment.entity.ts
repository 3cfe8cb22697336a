import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { AssignmentStatusName } from '@concord/domain';

export interface AssignmentHistoryEntry {
  from: AssignmentStatusName | null;
  to: AssignmentStatusName;
  note: string | null;
  at: string;
  by: string;
}

/** A brief offered to one creator under one agreement. */
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

  @Column('text', { array: true })
  flags: string[];

  @Column('jsonb')
  overrides: { kind: 'over_capacity' | 'calendar_conflict'; reason: string; by: string }[];

  @Column('jsonb')
  history: AssignmentHistoryEntry[];

  @Column('int')
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
