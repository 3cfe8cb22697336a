import { Check, Column, Entity, Index } from 'typeorm';
import { bigintAsNumber, StatusTrackedRow } from '@concord/database';
import type { AgreementDocument } from './agreement-document.entity';
import type { AgreementVersion } from './agreement-version.entity';
import type { Milestone } from './milestone.entity';
import type { AgreementStatusName, StatusChange } from '@concord/domain';

export interface Signature {
  party: 'agency' | 'counterparty';
  signatoryName: string;
  signedAt: string;
  method: 'in_person' | 'e_signature';
  reference?: string;
  recordedBy: string;
}

export interface LegalReview {
  decision: 'approve' | 'return';
  comments: string;
  by: string;
  at: string;
  /** The counterparty was set vetted by the legal officer's override of its vetting record. */
  counterpartyVettedByOverride?: { reason: string; by: string; at: string };
}

/** A cooperation memorandum or service contract between an agency and a creator or management company. */
@Entity({ name: 'agreements' })
@Index('agreements_agency_status', ['agencyId', 'status'])
@Index('agreements_counterparty', ['counterpartyId'])
@Index('agreements_term_end', ['termEnd'])
@Check('agreements_kind_check', "kind IN ('memorandum', 'service_contract')")
@Check('agreements_check', 'term_end >= term_start')
@Check('agreements_budget_check', 'budget >= 0')
export class Agreement extends StatusTrackedRow<AgreementStatusName, StatusChange<AgreementStatusName>> {
  /** TTDN-2026-0007: unique, without gaps per agency and year. */
  @Column({ type: 'text', unique: true })
  number: string;

  @Column({ name: 'agency_id', type: 'text' })
  agencyId: string;

  @Column('text')
  kind: 'memorandum' | 'service_contract';

  @Column({ name: 'counterparty_id', type: 'uuid' })
  counterpartyId: string;

  /** The counterparty's display name when the agreement was drafted. */
  @Column({ name: 'counterparty_name', type: 'text' })
  counterpartyName: string;

  @Column('text')
  title: string;

  /** The folded number, title and counterparty name that the list's `q` matches; set by the repository on every write. */
  @Column({ name: 'search_text', type: 'text' })
  searchText: string;

  @Column('text')
  scope: string;

  @Column({ name: 'term_start', type: 'date' })
  termStart: string;

  @Column({ name: 'term_end', type: 'date' })
  termEnd: string;

  /** đồng */
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  budget: number;

  @Column('jsonb')
  deliverables: { platform: string; quantity: number }[];

  @Column({ name: 'disclosure_label', type: 'text' })
  disclosureLabel: string;

  @Column({ name: 'usage_rights', type: 'jsonb', nullable: true })
  usageRights: { durationMonths: number; channels: string[]; territories: string[] } | null;

  @Column('jsonb')
  signatures: Signature[];

  @Column({ name: 'legal_reviews', type: 'jsonb' })
  legalReviews: LegalReview[];

  /** Loaded with the agreement; written through the repository. */
  milestones?: Milestone[];

  /** Loaded with the agreement: the versions of its terms once amended. */
  versions?: AgreementVersion[];

  /** Loaded with the agreement: its documents' metadata (not their bytes). */
  documents?: AgreementDocument[];
}
