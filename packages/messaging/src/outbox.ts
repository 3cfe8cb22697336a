import type { EntityManager } from 'typeorm';
import {
  createEnvelope,
  EVENT_DATA,
  type Actor,
  type Envelope,
  type EventDataOf,
  type EventSubject,
} from '@concord/domain';
import { writeLater } from '@concord/database';
import { assertMatchesContract, CHECK_CONTRACTS } from './contract-check';
import { currentRequestId } from './request-context';
import { traceFieldsOfCurrentContext } from './tracing';

/**
 * Records an event in the outbox, inside the caller's transaction. Its correlation id is `correlationId`, else the id
 * of the request being handled (ADR 0025), else its own id; it carries the trace being recorded, if any (ADR 0028).
 */
export async function recordEvent<E extends EventSubject>(
  manager: EntityManager,
  subject: E,
  actor: Actor,
  data: EventDataOf<E>,
  correlationId?: string,
): Promise<Envelope<EventDataOf<E>>> {
  if (CHECK_CONTRACTS) assertMatchesContract(EVENT_DATA[subject], data, `The event ${subject}`);
  const envelope = createEnvelope(subject, actor, data, {
    correlationId: correlationId ?? currentRequestId(),
    trace: traceFieldsOfCurrentContext(),
  });
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
export async function recordEvents<E extends EventSubject>(
  manager: EntityManager,
  subject: E,
  actor: Actor,
  data: readonly EventDataOf<E>[],
  correlationId?: string,
): Promise<Envelope<EventDataOf<E>>[]> {
  if (data.length === 0) return [];
  if (CHECK_CONTRACTS) for (const d of data) assertMatchesContract(EVENT_DATA[subject], d, `The event ${subject}`);
  const trace = traceFieldsOfCurrentContext();
  const envelopes = data.map((d) =>
    createEnvelope(subject, actor, d, { correlationId: correlationId ?? currentRequestId(), trace }),
  );
  await manager.query(
    `INSERT INTO outbox (id, subject, envelope)
     SELECT (e->>'id')::uuid, $1, e FROM jsonb_array_elements($2::jsonb) AS e`,
    [subject, JSON.stringify(envelopes)],
  );
  return envelopes;
}
