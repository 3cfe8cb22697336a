import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { deferWrites, flushWrites } from '@concord/database';
import { canonicalJson, DomainError, type Envelope } from '@concord/domain';
import { ProcessedCommand } from './processed-command.entity';

/**
 * The scope of an Idempotency-Key: one user's (of one agency) for one
 * subject. Another user's key, even with the same value and body, is
 * another command: it never returns that user's reply (which a creator
 * could otherwise read, or act on, through another creator's key).
 */
export function commandKey(envelope: Envelope<unknown>): string {
  const { orgId, userId } = envelope.actor;
  return `${orgId}:${userId}:${envelope.type}:${envelope.idempotencyKey}`;
}

/** The digest of a command's data: the same key with other data is another request. */
function requestHashOf(envelope: Envelope<unknown>): string {
  return createHash('sha256').update(canonicalJson(envelope.data)).digest('hex');
}

/** The stored reply of a key already run, or `idempotency.key_reused` when it ran with other data. */
function replayOf<R>(previous: ProcessedCommand, requestHash: string): R {
  if (previous.requestHash !== requestHash) {
    throw new DomainError('idempotency.key_reused', 'This Idempotency-Key was used for a different request');
  }
  return previous.reply as R;
}

/**
 * Runs `effect` once per (agency, user, subject, Idempotency-Key), inside
 * the caller's transaction. The same key with the same data returns the
 * stored reply; with other data it is `idempotency.key_reused`. Without a
 * key the effect simply runs. A replay goes only to the user who sent the
 * command: permissions were checked for that user when it ran, and the
 * gateway checks the caller's access again before any replay.
 */
export async function once<R>(
  manager: EntityManager,
  envelope: Envelope<unknown>,
  effect: () => Promise<R>,
): Promise<R> {
  if (!envelope.idempotencyKey) {
    const reply = await effect();
    await flushWrites(manager);
    return reply;
  }
  const key = commandKey(envelope);
  const requestHash = requestHashOf(envelope);
  // Claim the key: a concurrent attempt with the same key waits here until this transaction ends, then finds its record.
  for (;;) {
    const claimed: unknown[] = await manager.query(
      `INSERT INTO processed_commands (key, request_hash, reply) VALUES ($1, $2, 'null') ON CONFLICT (key) DO NOTHING RETURNING key`,
      [key, requestHash],
    );
    if (claimed.length) break;
    const previous = await manager.findOne(ProcessedCommand, { where: { key } });
    // Pruned between the two statements: claim again.
    if (!previous) continue;
    return replayOf<R>(previous, requestHash);
  }
  const reply = await effect();
  // The effect's audit entries and events, and the record of this command, in one statement.
  await flushWrites(manager, [
    'UPDATE processed_commands SET reply = $1::jsonb WHERE key = $2',
    [JSON.stringify(reply ?? null), key],
  ]);
  return reply;
}

/** Runs a command's effect against the database, once per Idempotency-Key: `transactOnce` or `writeOnce`. */
export type RunOnce = <R>(
  dataSource: DataSource,
  envelope: Envelope<unknown>,
  effect: (manager: EntityManager) => Promise<R>,
) => Promise<R>;

/**
 * Runs a command's effect in one transaction, once per Idempotency-Key; the
 * effect's audit entries and outbox events go with the command's record as
 * one statement at its end (deferWrites).
 */
export const transactOnce: RunOnce = <R>(
  dataSource: DataSource,
  envelope: Envelope<unknown>,
  effect: (manager: EntityManager) => Promise<R>,
): Promise<R> =>
  dataSource.transaction((manager) => {
    deferWrites(manager);
    return once(manager, envelope, () => effect(manager));
  });

/**
 * Runs, once per Idempotency-Key, a command whose effect reads without locks
 * and writes only through deferred writes (`insertLater`, `appendAudit`,
 * `recordEvent`): its writes and the command's record go to PostgreSQL as
 * one statement, which commits on its own. No transaction block and no
 * claim beforehand: one round trip where `transactOnce` takes four (a
 * registration).
 *
 * A key seen before makes that statement fail (the record's primary key),
 * or the effect itself fail on what the first run did (its channels are
 * taken); either way the stored reply is then found and returned, and with
 * other data it is `idempotency.key_reused`. The effect may thus run again
 * for a key that already ran: it must do nothing outside the statement.
 */
export const writeOnce: RunOnce = async <R>(
  dataSource: DataSource,
  envelope: Envelope<unknown>,
  effect: (manager: EntityManager) => Promise<R>,
): Promise<R> => {
  const runner = dataSource.createQueryRunner();
  try {
    const manager = runner.manager;
    deferWrites(manager);
    if (!envelope.idempotencyKey) {
      const reply = await effect(manager);
      await flushWrites(manager);
      return reply;
    }
    const key = commandKey(envelope);
    const requestHash = requestHashOf(envelope);
    try {
      const reply = await effect(manager);
      await flushWrites(manager, [
        'INSERT INTO processed_commands (key, request_hash, reply) VALUES ($1, $2, $3::jsonb)',
        [key, requestHash, JSON.stringify(reply ?? null)],
      ]);
      return reply;
    } catch (error) {
      const previous = await manager.findOne(ProcessedCommand, { where: { key } });
      if (!previous) throw error;
      return replayOf<R>(previous, requestHash);
    }
  } finally {
    await runner.release();
  }
};
