import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A command that ran to completion under an Idempotency-Key, with its
 * reply. Written in the same transaction as the command's effect, so a
 * retried command (a gateway that died before answering, a client that
 * retries) returns the first reply instead of acting twice.
 */
@Entity({ name: 'processed_commands' })
export class ProcessedCommand {
  /** `<agency>:<user>:<subject>:<idempotency key>` (commandKey) */
  @PrimaryColumn('text')
  key: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash: string;

  @Column('jsonb')
  reply: unknown;

  /** What pruning reads by (MESSAGING_RETENTION_DDL). */
  @Index('processed_commands_created')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
