import { z } from 'zod';
import { FAN_OUT_MAX_ATTEMPTS } from '@concord/domain';
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

export const TaskingConfigSchema = z.object({
  CONCORD_ENV: CommonConfig.CONCORD_ENV,
  NATS_URL: CommonConfig.NATS_URL,
  ...natsConfig(),
  DATABASE_URL: CommonConfig.DATABASE_URL,
  LOG_LEVEL: CommonConfig.LOG_LEVEL,
  /** The issuers whose proof of a request's actor it believes (ADR 0014). */
  CONCORD_ACTOR_ISSUERS: ActorProofConfig.CONCORD_ACTOR_ISSUERS,
  /** Signs the actor of the requests it sends to other services (ADR 0014). */
  CONCORD_ACTOR_KEY: ActorProofConfig.CONCORD_ACTOR_KEY,
  TASKING_DB_POOL: z.coerce.number().int().min(1).max(100).default(10),
  ...databaseTimeoutConfig(),
  ...retentionConfig(),
  /** The tasking service's Ed25519 audit signing key (32-byte seed, base64); required in production, npm start generates one. */
  CONCORD_AUDIT_KEY_TASKING: base64Key32.optional(),
  /** The public keys of the audit keys it signed with before a rotation, oldest first (docs/runbooks/rotate-audit-key.md). */
  CONCORD_AUDIT_RETIRED_KEYS_TASKING: base64Key32List.default([]),
  ...auditEvidenceConfig(),
  /** How long the service waits for the registry's answer. */
  RPC_TIMEOUT_MS: durationMs(5000),
  /** Open assignments (offered, accepted, submitted, approved) a creator may hold at once. */
  TASKING_CREATOR_CAPACITY: z.coerce.number().int().min(1).max(100).default(3),
  /** Creators per fan-out batch (one registry page, one transaction). */
  TASKING_FANOUT_BATCH: z.coerce.number().int().min(10).max(5000).default(1000),
  /** Failed attempts in a row (e.g. the registry does not answer) before a fan-out is failed with the reason. */
  TASKING_FANOUT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(FAN_OUT_MAX_ATTEMPTS),
  /** The first retry's delay; each next one doubles, up to a minute. */
  TASKING_FANOUT_RETRY_MS: durationMs(1000),
  /** How long starting a fan-out waits for it to finish before answering with its progress. */
  TASKING_FANOUT_WAIT_MS: durationMs(2000),
  /** How often unanswered offers past their due time expire. */
  TASKING_CALENDAR_MS: durationMs(60_000),
});

export type TaskingConfig = z.infer<typeof TaskingConfigSchema>;
/** What a caller may give: defaults fill the rest. */
export type TaskingConfigInput = z.input<typeof TaskingConfigSchema>;

export function loadTaskingConfig(env: NodeJS.ProcessEnv = process.env): TaskingConfig {
  return loadConfig(TaskingConfigSchema, env);
}
