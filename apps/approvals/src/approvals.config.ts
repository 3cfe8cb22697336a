import { z } from 'zod';
import { ActorProofConfig } from '@concord/messaging';
import {
  CommonConfig,
  natsConfig,
  databaseTimeoutConfig,
  retentionConfig,
  durationMs,
  loadConfig,
  auditEvidenceConfig,
  base64Key32,
  base64Key32List,
} from '@concord/config';

export const ApprovalsConfigSchema = z.object({
  CONCORD_ENV: CommonConfig.CONCORD_ENV,
  NATS_URL: CommonConfig.NATS_URL,
  ...natsConfig(),
  DATABASE_URL: CommonConfig.DATABASE_URL,
  LOG_LEVEL: CommonConfig.LOG_LEVEL,
  /** The issuers whose proof of a request's actor it believes (ADR 0014). */
  CONCORD_ACTOR_ISSUERS: ActorProofConfig.CONCORD_ACTOR_ISSUERS,
  /** Signs the actor of the requests it sends to other services (ADR 0014). */
  CONCORD_ACTOR_KEY: ActorProofConfig.CONCORD_ACTOR_KEY,
  APPROVALS_DB_POOL: z.coerce.number().int().min(1).max(100).default(10),
  ...databaseTimeoutConfig(),
  ...retentionConfig(),
  /** The approvals service's Ed25519 audit signing key (32-byte seed, base64); required in production, npm start generates one. */
  CONCORD_AUDIT_KEY_APPROVALS: base64Key32.optional(),
  /** The public keys of the audit keys it signed with before a rotation, oldest first (docs/runbooks/rotate-audit-key.md). */
  CONCORD_AUDIT_RETIRED_KEYS_APPROVALS: base64Key32List.default([]),
  ...auditEvidenceConfig(),
  /** How long the service waits for tasking's and the registry's answers. */
  RPC_TIMEOUT_MS: durationMs(5000),
  /** How often overdue review stages are looked for and escalated. */
  APPROVALS_DEADLINES_MS: durationMs(60_000),
});

export type ApprovalsConfig = z.infer<typeof ApprovalsConfigSchema>;
/** What a caller may give: defaults fill the rest. */
export type ApprovalsConfigInput = z.input<typeof ApprovalsConfigSchema>;

export function loadApprovalsConfig(env: NodeJS.ProcessEnv = process.env): ApprovalsConfig {
  return loadConfig(ApprovalsConfigSchema, env);
}
