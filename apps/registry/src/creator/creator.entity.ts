import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  OneToMany,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { bigintAsNumber } from '@concord/database';
import type { CreatorStatusName, StatusChange } from '@concord/domain';
import { Channel } from './channel.entity';

export interface RecordedEntry {
  id: string;
  recordedAt: string;
  recordedBy: string;
  [field: string]: string | number | boolean | null | undefined;
}

/** A creator's status change: always with a reason; `override` when legal set it vetted against the vetting record. */
export type CreatorStatusChange = StatusChange<CreatorStatusName> & { reason: string; override?: boolean };

@Entity({ name: 'creators' })
@Index('creators_search_trgm', { synchronize: false })
@Index('creators_name_trgm', { synchronize: false })
@Index('creators_topics', { synchronize: false })
@Index('creators_languages', { synchronize: false })
@Index('creators_regions', { synchronize: false })
@Index('creators_search_words', { synchronize: false })
@Check('creators_kind_check', "kind IN ('individual', 'management_company')")
@Check('creators_status_check', "status IN ('prospect', 'vetted', 'active', 'suspended', 'offboarded')")
export class Creator {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  kind: 'individual' | 'management_company';

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  /** Display name folded (lower case, no diacritics): near-duplicate detection. */
  @Column({ name: 'display_name_folded', type: 'text' })
  displayNameFolded: string;

  /** Names and handles folded: what `q` searches. */
  @Column({ name: 'search_text', type: 'text' })
  searchText: string;

  /** Words of the name and handles, folded: what `q` matches word by word (GIN). */
  @Column({ name: 'search_words', type: 'text', array: true, default: () => "'{}'" })
  searchWords: string[];

  @Index('creators_status')
  @Column('text')
  status: CreatorStatusName;

  @Column('int')
  version: number;

  @Column('text', { array: true })
  topics: string[];

  @Column('text', { array: true })
  languages: string[];

  @Column('text', { array: true })
  regions: string[];

  @Column({ name: 'management_company_id', type: 'uuid', nullable: true })
  @ForeignKey(() => Creator, { name: 'creators_management_company_id_fkey' })
  managementCompanyId: string | null;

  /** Legal name, national ID, phone, email: AES-256-GCM, never in lists or events. */
  @Column({ name: 'personal_data_enc', type: 'text', nullable: true })
  personalDataEnc: string | null;

  @Column({ type: 'jsonb', nullable: true })
  consent: { givenAt: string; scope: string; evidence: string } | null;

  @Column('jsonb')
  vetting: RecordedEntry[];

  @Column('jsonb')
  training: RecordedEntry[];

  @Column('jsonb')
  incidents: RecordedEntry[];

  @Column({ name: 'status_history', type: 'jsonb' })
  statusHistory: CreatorStatusChange[];

  @Column({ name: 'total_followers', type: 'bigint', transformer: bigintAsNumber })
  totalFollowers: number;

  @OneToMany(() => Channel, (channel) => channel.creator, { cascade: ['insert'] })
  channels: Relation<Channel[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Index('creators_updated_at')
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
