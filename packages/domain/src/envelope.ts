import { z } from 'zod';
import { ROLES, type Actor } from './actor';
import { newId } from './ids';

export const ActorSchema = z.object({
  userId: z.string().min(1),
  orgId: z.string().min(1),
  roles: z.array(z.enum(ROLES)),
  creatorId: z.uuid().optional(),
});

/** Every message between Concord's processes travels in an envelope. */
export const EnvelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1),
  occurredAt: z.iso.datetime(),
  actor: ActorSchema,
  correlationId: z.string().min(1),
  /** For commands: the caller's Idempotency-Key, scoped to the actor's agency. */
  idempotencyKey: z.string().min(1).max(200).optional(),
  /** Proof of the actor: the sender's short-lived signature over the envelope (ADR 0014, actor-proof.ts). */
  proof: z.string().min(1).max(4000).optional(),
  /**
   * The trace the message is part of, as W3C Trace Context (`traceparent`, `tracestate`): set by the sender when it
   * traces (ADR 0028), so that the receiver's work, and what an event causes, joins the same trace.
   */
  traceparent: z
    .string()
    .regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/)
    .optional(),
  tracestate: z.string().min(1).max(512).optional(),
  data: z.unknown(),
});

export type Envelope<T = unknown> = Omit<z.infer<typeof EnvelopeSchema>, 'data'> & { data: T };

export function createEnvelope<T>(
  type: string,
  actor: Actor,
  data: T,
  options: {
    correlationId?: string;
    idempotencyKey?: string;
    occurredAt?: Date;
    trace?: { traceparent?: string; tracestate?: string };
  } = {},
): Envelope<T> {
  const id = newId();
  return {
    id,
    type,
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    actor: {
      userId: actor.userId,
      orgId: actor.orgId,
      roles: [...actor.roles],
      ...(actor.creatorId ? { creatorId: actor.creatorId } : {}),
    },
    correlationId: options.correlationId ?? id,
    ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
    ...(options.trace?.traceparent ? { traceparent: options.trace.traceparent } : {}),
    ...(options.trace?.traceparent && options.trace.tracestate ? { tracestate: options.trace.tracestate } : {}),
    data,
  };
}
