import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One Idempotency-Key of one caller, and the response it produced. */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyRecord {
  /** `<agency>:<user>:<key>` */
  @PrimaryColumn('text')
  scope: string;

  /** sha256 of method, path and canonical body. */
  @Column('text')
  fingerprint: string;

  @Column('text')
  state: 'in_progress' | 'completed';

  /** The lease of the request working on it, renewed while it runs. */
  @Column({ name: 'locked_until', type: 'timestamptz' })
  lockedUntil: Date;

  /** `<gateway process>:<request>` holding the lease while in progress. */
  @Column({ type: 'text', nullable: true })
  owner: string | null;

  @Column({ name: 'response_status', type: 'int', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody: object | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
