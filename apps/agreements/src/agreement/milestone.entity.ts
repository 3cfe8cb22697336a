import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@concord/database';
import { Agreement } from './agreement.entity';

/** A payment milestone of an agreement (state-budget support, in đồng). */
@Entity({ name: 'milestones' })
@Index('milestones_agreement', ['agreementId', 'dueDate'])
@Check('milestones_amount_check', 'amount > 0')
@Check('milestones_status_check', "status IN ('planned', 'due', 'paid')")
export class Milestone {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'agreement_id', type: 'uuid' })
  @ForeignKey(() => Agreement, { name: 'milestones_agreement_id_fkey' })
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
