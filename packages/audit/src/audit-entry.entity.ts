import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@concord/database';

/**
 * One fact of a service's audit trail, queued in the business transaction
 * (no lock); the sequencer links it into the chain afterwards (`audit_chain`).
 */
@Entity({ name: 'audit_entries' })
@Index('audit_entries_subject', ['subject', 'pos'])
export class AuditEntry {
  /** Queue order only; the chain's order is `audit_chain.seq`. `GENERATED ALWAYS AS IDENTITY`: the database numbers it. */
  @PrimaryColumn({ type: 'bigint', transformer: bigintAsNumber, generated: 'identity', generatedIdentity: 'ALWAYS' })
  pos: number;

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

  /** The request that made the entry (ADR 0025), beside the facts: not covered by the link's digest. */
  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;
}
