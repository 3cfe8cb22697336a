import { z } from 'zod';
import { PageQuery, pageOf } from './common';

export const AuditQuery = z.object({
  subject: z
    .string()
    .regex(/^[a-z_]+:[0-9a-f-]{36}$/, 'kind:id, e.g. creator:0190…')
    .optional(),
  ...PageQuery,
});

export const AuditEntryView = z.object({
  /** The entry's place in its service's chain; null while the sequencer has not linked it yet (a moment after the write). */
  seq: z.number().int().nullable(),
  id: z.uuid(),
  at: z.iso.datetime(),
  actor: z.object({ userId: z.string(), orgId: z.string() }),
  action: z.string(),
  subject: z.string(),
  reason: z.string().nullable(),
  data: z.unknown(),
  /** The link's hash; null until linked. */
  hash: z.string().nullable(),
  /** The request that made the entry (its X-Request-Id); null for entries written before request ids were kept. */
  requestId: z.string().nullable(),
});

export const AuditPage = pageOf(AuditEntryView);

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, '64 hex digits');

/** A service's signed statement of its chain: size, head hash, time (Ed25519 over the canonical JSON, base64). */
export const SignedCheckpointSchema = z.object({
  service: z.string(),
  size: z.number().int().min(1),
  head: Hex64,
  at: z.iso.datetime(),
  signature: z.string().max(200),
});

export const TrailBreakView = z.object({
  seq: z.number().int(),
  code: z.string(),
  detail: z.string(),
});

export const AuditVerdict = z.object({
  service: z.string().optional(),
  valid: z.boolean(),
  entries: z.number().int(),
  /** Entries written but not linked yet (the sequencer links them within moments). */
  pending: z.number().int().optional(),
  checkpoints: z.number().int().optional(),
  latestCheckpoint: z.object({ size: z.number().int(), head: z.string(), at: z.string() }).nullable().optional(),
  brokenAt: z.number().int().optional(),
  problem: TrailBreakView.optional(),
});

/** Every service's chain, as the gateway reports it. */
export const AuditVerdicts = z.object({
  valid: z.boolean(),
  entries: z.number().int(),
  services: z.record(z.string(), AuditVerdict),
});

/** One link of an exported trail: full facts when the reader's agency may see the entry, otherwise only its digest. */
export const ExportedLink = z.object({
  service: z.string(),
  seq: z.number().int(),
  digest: Hex64,
  prevHash: Hex64,
  hash: Hex64,
  signature: z.string(),
  facts: z
    .object({
      id: z.string(),
      at: z.string(),
      actorUserId: z.string(),
      actorOrgId: z.string(),
      action: z.string(),
      subject: z.string(),
      reason: z.string().nullable(),
      data: z.unknown(),
    })
    .optional(),
  /** The link's entry is no longer in the database (deleted behind the service's back). */
  gone: z.literal(true).optional(),
});

export const AuditExportPage = z.object({ links: z.array(ExportedLink), next: z.number().int().nullable() });

export const AuditCommands = {
  list: z.object({ query: AuditQuery }),
  /** The checkpoints the caller keeps (the gateway's copies): the chain is checked against them. */
  verify: z.object({ checkpoints: z.array(SignedCheckpointSchema).max(100_000).default([]) }),
  export: z.object({
    after: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(5000).default(1000),
  }),
};

/** The audit subjects every service answers (`<service>.audit.list|verify|export`), with their replies. */
export const AUDIT_CONTRACT = {
  list: { request: AuditCommands.list, reply: AuditPage },
  verify: { request: AuditCommands.verify, reply: AuditVerdict },
  export: { request: AuditCommands.export, reply: AuditExportPage },
};

/** A service's signed checkpoint, published as `concord.events.audit.<service>.checkpointed`. */
export const AuditCheckpointed = SignedCheckpointSchema;

export type AuditQuery = z.infer<typeof AuditQuery>;
export type AuditEntryView = z.infer<typeof AuditEntryView>;
export type ExportedLink = z.infer<typeof ExportedLink>;
export type AuditVerdict = z.infer<typeof AuditVerdict>;
