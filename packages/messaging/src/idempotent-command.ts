import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { canonicalJson, DomainError, type Envelope } from '@concord/domain';
import { ProcessedCommand } from './processed-command.entity';

/**
 * Runs `effect` once per (agency, subject, Idempotency-Key), inside the
 * caller's transaction. The same key with the same data returns the stored
 * reply; with other data it is `idempotency.key_reused`. Without a key the
 * effect simply runs.
 */
export async function once<R>(
  manager: EntityManager,
  envelope: Envelope<unknown>,
  effect: () => Promise<R>,
): Promise<R> {
  if (!envelope.idempotencyKey) return effect();
  const key = `${envelope.actor.orgId}:${envelope.type}:${envelope.idempotencyKey}`;
  const requestHash = createHash('sha256').update(canonicalJson(envelope.data)).digest('hex');
  // Serialise concurrent attempts with the same key for the rest of this transaction.
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
  const previous = await manager.findOne(ProcessedCommand, { where: { key } });
  if (previous) {
    if (previous.requestHash !== requestHash) {
      throw new DomainError('idempotency.key_reused', 'This Idempotency-Key was used for a different request');
    }
    return previous.reply as R;
  }
  const reply = await effect();
  await manager.insert(ProcessedCommand, { key, requestHash, reply: reply as object });
  return reply;
}

/** Runs a command's effect in one transaction, once per Idempotency-Key. */
export function transactOnce<R>(dataSource: DataSource, envelope: Envelope<unknown>, effect: (manager: EntityManager) => Promise<R>): Promise<R> {
  return dataSource.transaction((manager) => once(manager, envelope, () => effect(manager)));
}
