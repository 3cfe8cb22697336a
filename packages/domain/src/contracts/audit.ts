import { z } from 'zod';
import { PageQuery, pageOf } from './common';

export const AuditQuery = z.object({
  subject: z.string().regex(/^[a-z_]+:[0-9a-f-]{36}$/, 'kind:id, e.g. creator:0190…').optional(),
  ...PageQuery,
});

export const AuditEntryView = z.object({
  seq: z.number().int(),
  id: z.uuid(),
  at: z.iso.datetime(),
  actor: z.object({ userId: z.string(), orgId: z.string() }),
  action: z.string(),
  subject: z.string(),
  reason: z.string().nullable(),
  data: z.unknown(),
  hash: z.string(),
});

export const AuditPage = pageOf(AuditEntryView);

export const AuditVerdict = z.object({
  valid: z.boolean(),
  entries: z.number().int(),
  brokenAt: z.number().int().optional(),
});

/** Every service's chain, as the gateway reports it. */
export const AuditVerdicts = AuditVerdict.omit({ brokenAt: true }).extend({
  services: z.record(z.string(), AuditVerdict),
});

export const AuditCommands = {
  list: z.object({ query: AuditQuery }),
  verify: z.object({}),
};

export type AuditQuery = z.infer<typeof AuditQuery>;
export type AuditEntryView = z.infer<typeof AuditEntryView>;
