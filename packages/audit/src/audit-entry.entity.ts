import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@concord/database';

/**
 * One link of a service's append-only, hash-chained audit trail:
 * hash = sha256(prevHash + canonical JSON of the entry's facts).
 */
@Entity({ name: 'audit_log' })
@Index('audit_log_subject', ['subject', 'seq'])
export class AuditEntry {
  @PrimaryColumn('bigint', { transformer: bigintAsNumber })
  seq: number;

  @Column('uuid', { unique: true })
  id: string;

  @Column('timestamptz')
  at: Date;

  @Column({ name: 'actor_user_id', type: 'text' })
  actorUserId: string;

  @Column({ name: 'actor_org_id', type: 'text' })
  actorOrgId: string;

  @Column('text')
  action: string;

  /** `<kind>:<id>`, e.g. `creator:0190…` */
  @Column('text')
  subject: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column('jsonb')
  data: object;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
