import type { EntityManager } from 'typeorm';
import { createEnvelope, type Actor, type Envelope } from '@concord/domain';
import { writeLater } from '@concord/database';

/** Records an event in the outbox, inside the caller's transaction. */
export async function recordEvent<T>(
  manager: EntityManager,
  subject: string,
  actor: Actor,
  data: T,
  correlationId?: string,
): Promise<Envelope<T>> {
  const envelope = createEnvelope(subject, actor, data, { correlationId });
  await writeLater(manager, 'INSERT INTO outbox (id, subject, envelope) VALUES ($1, $2, $3::jsonb)', [
    envelope.id,
    subject,
    JSON.stringify(envelope),
  ]);
  return envelope;
}

/**
 * Records many events of one subject in the outbox with one statement,
 * inside the caller's transaction (a fan-out's batch of offers).
 */
export async function recordEvents<T>(
  manager: EntityManager,
  subject: string,
  actor: Actor,
  data: readonly T[],
  correlationId?: string,
): Promise<Envelope<T>[]> {
  if (data.length === 0) return [];
  const envelopes = data.map((d) => createEnvelope(subject, actor, d, { correlationId }));
  await manager.query(
    `INSERT INTO outbox (id, subject, envelope)
     SELECT (e->>'id')::uuid, $1, e FROM jsonb_array_elements($2::jsonb) AS e`,
    [subject, JSON.stringify(envelopes)],
  );
  return envelopes;
}
