import { z } from 'zod';
import { ActorProofConfig } from '@concord/messaging';
import {
  CommonConfig,
  natsConfig,
  databaseTimeoutConfig,
  retentionConfig,
  loadConfig,
  auditEvidenceConfig,
  base64Key32,
  base64Key32List,
} from '@concord/config';

export const RegistryConfigSchema = z.object({
  CONCORD_ENV: CommonConfig.CONCORD_ENV,
  NATS_URL: CommonConfig.NATS_URL,
  ...natsConfig(),
  DATABASE_URL: CommonConfig.DATABASE_URL,
  LOG_LEVEL: CommonConfig.LOG_LEVEL,
  /** The issuers whose proof of a request's actor it believes (ADR 0014). */
  CONCORD_ACTOR_ISSUERS: ActorProofConfig.CONCORD_ACTOR_ISSUERS,
  /** 32 random bytes, base64: encrypts creators' personal data at rest. */
  CONCORD_PII_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, '32 random bytes in base64 (openssl rand -base64 32)'),
  REGISTRY_DB_POOL: z.coerce.number().int().min(1).max(100).default(10),
  /** How often each registry instance reads the creators' names changed by others, for its duplicate check (ADR 0017). */
  REGISTRY_NAMES_REFRESH_MS: z.coerce.number().int().min(100).default(2000),
  ...databaseTimeoutConfig(),
  ...retentionConfig(),
  /** The registry service's Ed25519 audit signing key (32-byte seed, base64); required in production, npm start generates one. */
  CONCORD_AUDIT_KEY_REGISTRY: base64Key32.optional(),
  /** The public keys of the audit keys it signed with before a rotation, oldest first (docs/runbooks/rotate-audit-key.md). */
  CONCORD_AUDIT_RETIRED_KEYS_REGISTRY: base64Key32List.default([]),
  ...auditEvidenceConfig(),
});

export type RegistryConfig = z.infer<typeof RegistryConfigSchema>;
/** What a caller may give: defaults fill the rest. */
export type RegistryConfigInput = z.input<typeof RegistryConfigSchema>;

export function loadRegistryConfig(env: NodeJS.ProcessEnv = process.env): RegistryConfig {
  return loadConfig(RegistryConfigSchema, env);
}
