import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@concord/database';

/** What to make within a campaign: kind, messages, platforms, languages, due time, quantity, fee per deliverable. */
@Entity({ name: 'briefs' })
export class Brief {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
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

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
