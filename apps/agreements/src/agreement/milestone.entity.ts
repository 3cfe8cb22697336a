import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@concord/database';

/** A payment milestone of an agreement (state-budget support, in đồng). */
@Entity({ name: 'milestones' })
@Index('milestones_agreement', ['agreementId', 'dueDate'])
export class Milestone {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId: string;

  @Column('text')
  label: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  amount: number;

  @Column('text')
  status: 'planned' | 'due' | 'paid';

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ name: 'paid_by', type: 'text', nullable: true })
  paidBy: string | null;

  @Column({ name: 'payment_reference', type: 'text', nullable: true })
  paymentReference: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
