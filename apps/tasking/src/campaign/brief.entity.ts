import { Check, Column, Entity, ForeignKey, Index } from 'typeorm';
import { AuthoredRow, bigintAsNumber } from '@concord/database';
import { Campaign } from './campaign.entity';

/** What to make within a campaign: kind, messages, platforms, languages, due time, quantity, fee per deliverable. */
@Entity({ name: 'briefs' })
@Index('briefs_campaign', ['campaignId', 'dueAt'])
@Check('briefs_kind_check', "kind IN ('short_video', 'post', 'livestream', 'article')")
@Check('briefs_quantity_check', 'quantity > 0')
@Check('briefs_fee_per_deliverable_check', 'fee_per_deliverable >= 0')
@Check('briefs_window', 'window_end > window_start')
export class Brief extends AuthoredRow {
  @Column({ name: 'campaign_id', type: 'uuid' })
  @ForeignKey(() => Campaign, { name: 'briefs_campaign_id_fkey' })
  campaignId: string;

  @Column('text')
  kind: 'short_video' | 'post' | 'livestream' | 'article';

  @Column('text')
  title: string;

  @Column({ name: 'key_messages', type: 'jsonb' })
  keyMessages: string[];

  @Column('jsonb')
  platforms: string[];

  @Column('jsonb')
  languages: string[];

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column('int')
  quantity: number;

  /** When the work happens and goes out; overlapping windows of one creator in different campaigns conflict. */
  @Column({ name: 'window_start', type: 'timestamptz' })
  windowStart: Date;

  @Column({ name: 'window_end', type: 'timestamptz' })
  windowEnd: Date;

  @Column({ name: 'fee_per_deliverable', type: 'bigint', transformer: bigintAsNumber })
  feePerDeliverable: number;
}
