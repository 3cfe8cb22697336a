import { Check, Column, Entity, ForeignKey, Index } from 'typeorm';
import { AuthoredRow } from '@concord/database';
import { Brief } from '../campaign/brief.entity';
import { Campaign } from '../campaign/campaign.entity';

/**
 * One fan-out of a brief to creators (`fan_outs`): its request, cursor and counts. Mapped so that the schema check
 * (schema-matches-entities) covers the table and `assignments.fan_out_id` can name it; FanOutRepository reads and writes
 * it with hand-written SQL (the cursor and counters move in one statement with the batch that moved them).
 */
@Entity({ name: 'fan_outs' })
// `(last_attempt_at NULLS FIRST, created_at)`: TypeORM cannot declare a column's NULLS order, so the schema builder
// is told to leave this index as the FanOutRetries migration made it.
@Index('fan_outs_running', { synchronize: false })
@Check('fan_outs_target_check', "target IN ('creators', 'filter')")
@Check('fan_outs_status_check', "status IN ('running', 'completed', 'failed', 'cancelled')")
export class FanOut extends AuthoredRow {
  @Column({ name: 'brief_id', type: 'uuid' })
  @ForeignKey(() => Brief, { name: 'fan_outs_brief_id_fkey' })
  briefId: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  @ForeignKey(() => Campaign, { name: 'fan_outs_campaign_id_fkey' })
  campaignId: string;

  @Column('text')
  target: 'creators' | 'filter';

  @Column({ name: 'creator_ids', type: 'uuid', array: true, nullable: true })
  creatorIds: string[] | null;

  @Column({ type: 'jsonb', nullable: true })
  filter: Record<string, unknown> | null;

  @Column('jsonb')
  overrides: { creatorId: string; reason: string }[];

  @Column('jsonb')
  actor: Record<string, unknown>;

  @Column({ name: 'correlation_id', type: 'text' })
  correlationId: string;

  @Column('text')
  status: 'running' | 'completed' | 'failed' | 'cancelled';

  @Column({ name: 'cursor_after', type: 'uuid', nullable: true })
  cursorAfter: string | null;

  @Column({ name: 'cursor_index', type: 'int', default: 0 })
  cursorIndex: number;

  @Column({ type: 'int', nullable: true })
  total: number | null;

  @Column({ type: 'int', default: 0 })
  processed: number;

  @Column({ type: 'int', default: 0 })
  offered: number;

  @Column({ type: 'int', default: 0 })
  skipped: number;

  @Column({ name: 'skipped_by_reason', type: 'jsonb', default: () => "'{}'" })
  skippedByReason: Record<string, number>;

  @Column({ type: 'int', default: 0 })
  batches: number;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'failed_attempts', type: 'int', default: 0 })
  failedAttempts: number;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
