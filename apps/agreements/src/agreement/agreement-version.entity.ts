import { Check, Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { AgreementView, TermsChange } from '@concord/domain';
import { Agreement, type LegalReview, type Signature } from './agreement.entity';

export type AgreementTermsSnapshot = AgreementView['versions'][number]['terms'];

/** One version of an agreement's terms: version 1 as first signed, then each amendment. */
@Entity({ name: 'agreement_versions' })
@Check('agreement_versions_status_check', "status IN ('in_review', 'approved', 'signed', 'returned', 'superseded')")
export class AgreementVersion {
  @PrimaryColumn({ name: 'agreement_id', type: 'uuid' })
  @ForeignKey(() => Agreement, { name: 'agreement_versions_agreement_id_fkey' })
  agreementId: string;

  @PrimaryColumn('int')
  version: number;

  @Column('text')
  status: 'in_review' | 'approved' | 'signed' | 'returned' | 'superseded';

  @Column('jsonb')
  terms: AgreementTermsSnapshot;

  @Column('jsonb')
  changes: TermsChange[];

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'legal_reviews', type: 'jsonb' })
  legalReviews: LegalReview[];

  @Column('jsonb')
  signatures: Signature[];

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
