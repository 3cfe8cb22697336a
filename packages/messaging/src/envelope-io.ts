import type { z } from 'zod';
import { EnvelopeSchema, parseOrThrow, type Envelope } from '@concord/domain';

/** Validates an incoming envelope and its data against the subject's contract. */
export function readEnvelope<T extends z.ZodType>(message: unknown, data: T): Envelope<z.infer<T>> {
  const envelope = parseOrThrow(EnvelopeSchema, message, 'envelope');
  return { ...envelope, data: parseOrThrow(data, envelope.data) };
}
