import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An event waiting to be (or already) published. Written in the same
 * transaction as the change it describes; the relay publishes it to
 * JetStream with `Nats-Msg-Id` = id and only then marks it published.
 * Rows are kept after publishing, for replay.
 */
@Entity({ name: 'outbox' })
@Index('outbox_unpublished', ['createdAt', 'id'], { where: 'published_at IS NULL' })
@Index('outbox_published', ['publishedAt'], { where: 'published_at IS NOT NULL' })
export class OutboxMessage {
  @PrimaryColumn('uuid')
  id: string;

  /** The subject as written in code (not namespaced). */
  @Column('text')
  subject: string;

  @Column('jsonb')
  envelope: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
