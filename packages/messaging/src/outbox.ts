import type { EntityManager } from 'typeorm';
import { createEnvelope, type Actor, type Envelope } from '@concord/domain';
import { OutboxMessage } from './outbox.entity';

/** Records an event in the outbox, inside the caller's transaction. */
export async function recordEvent<T>(
  manager: EntityManager,
  subject: string,
  actor: Actor,
  data: T,
  correlationId?: string,
): Promise<Envelope<T>> {
  const envelope = createEnvelope(subject, actor, data, { correlationId });
  await manager
    .createQueryBuilder()
    .insert()
    .into(OutboxMessage)
    .values({ id: envelope.id, subject, envelope: () => ':envelope::jsonb' })
    .setParameter('envelope', JSON.stringify(envelope))
    .execute();
  return envelope;
}
