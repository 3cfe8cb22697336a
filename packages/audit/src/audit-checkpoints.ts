import type { DataSource, EntityManager } from 'typeorm';
import { EVENTS, signCheckpoint, type Actor, type AuditSigningKey, type SignedCheckpoint } from '@concord/domain';
import { chainTail, trySequencerLock } from './audit-sequencer';

/** Who signs checkpoints in the event envelope: the service itself, no person. */
export const AUDIT_SYSTEM_ACTOR: Actor = { userId: 'system:audit', orgId: 'system', roles: [] };

/** Publishes an event inside the transaction (the service's outbox: `recordEvent` of @concord/messaging). */
/** Where a service's checkpoints are published (`EVENTS.<service>.auditCheckpointed`). */
export type CheckpointSubject = (typeof EVENTS)[keyof typeof EVENTS]['auditCheckpointed'];
export type RecordEvent = (
  manager: EntityManager,
  subject: CheckpointSubject,
  actor: Actor,
  data: SignedCheckpoint,
) => Promise<unknown>;

/**
 * Signs a checkpoint of the service's chain (service, size, head hash, time)
 * when the chain grew since the last one, keeps it in `audit_checkpoints`
 * and publishes it through the outbox in the same transaction, so anyone
 * consuming the event stream (the gateway does) keeps a copy outside the
 * service's schema.
 */
export class AuditCheckpointer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly service: string,
    private readonly key: AuditSigningKey,
    private readonly subject: CheckpointSubject,
    private readonly recordEvent: RecordEvent,
  ) {}

  async checkpoint(): Promise<SignedCheckpoint | null> {
    return this.dataSource.transaction(async (m) => {
      if (!(await trySequencerLock(m))) return null;
      const tail = await chainTail(m);
      const [last] = await m.query<{ size: string | null }[]>('SELECT max(size) AS size FROM audit_checkpoints');
      if (!tail || tail.seq <= Number(last?.size ?? 0)) return null;
      const signed = signCheckpoint(this.key.privateKey, {
        service: this.service,
        size: tail.seq,
        head: tail.hash,
        at: new Date().toISOString(),
      });
      await m.query('INSERT INTO audit_checkpoints (size, head, at, signature) VALUES ($1, $2, $3, $4)', [
        signed.size,
        signed.head,
        signed.at,
        signed.signature,
      ]);
      await this.recordEvent(m, this.subject, AUDIT_SYSTEM_ACTOR, signed);
      return signed;
    });
  }
}

/** The latest checkpoints a service signed, as it kept them (oldest first). */
export async function ownCheckpoints(
  dataSource: DataSource,
  service: string,
  limit = 1000,
): Promise<SignedCheckpoint[]> {
  const rows: { size: string; head: string; at: Date; signature: string }[] = await dataSource.query(
    'SELECT size, head, at, signature FROM audit_checkpoints ORDER BY size DESC LIMIT $1',
    [limit],
  );
  return rows
    .reverse()
    .map((r) => ({ service, size: Number(r.size), head: r.head, at: r.at.toISOString(), signature: r.signature }));
}

/**
 * How long the oldest audit entry that no signed checkpoint covers yet has waited, in seconds (0 when every entry is
 * covered): an entry still queued for the sequencer, or linked after the latest checkpoint. A quiet service has
 * nothing waiting, so this stays 0 however old its latest checkpoint (concord_audit_unanchored_seconds, ADR 0027).
 */
export async function unanchoredSeconds(db: DataSource | EntityManager): Promise<number> {
  const [row] = await db.query<{ age: string | null }[]>(
    `SELECT extract(epoch FROM now() - least(
       (SELECT min(e.at) FROM audit_chain c JOIN audit_entries e ON e.pos = c.entry_pos
         WHERE c.seq > (SELECT coalesce(max(size), 0) FROM audit_checkpoints)),
       (SELECT min(e.at) FROM audit_entries e WHERE e.pos > (SELECT coalesce(max(entry_pos), 0) FROM audit_chain))
     )) AS age`,
  );
  return Math.max(0, Number(row?.age ?? 0));
}
