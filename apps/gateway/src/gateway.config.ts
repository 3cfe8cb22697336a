import { z } from 'zod';
import { ActorProofConfig } from '@concord/messaging';
import {
  CommonConfig,
  natsConfig,
  databaseTimeoutConfig,
  retentionConfig,
  durationMs,
  flag,
  loadConfig,
  metricsConfig,
  port,
  base64Key32List,
} from '@concord/config';

export const GatewayConfigSchema = z.object({
  CONCORD_ENV: CommonConfig.CONCORD_ENV,
  NATS_URL: CommonConfig.NATS_URL,
  ...natsConfig(),
  DATABASE_URL: CommonConfig.DATABASE_URL,
  LOG_LEVEL: CommonConfig.LOG_LEVEL,
  /** Where `GET /metrics` is served: never the public PORT (ADR 0027). */
  ...metricsConfig(),
  /** Signs the actor (the signed-in user) of every request the gateway sends to a service (ADR 0014). */
  CONCORD_ACTOR_KEY: ActorProofConfig.CONCORD_ACTOR_KEY,
  PORT: port(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** `1`: POST /v1/auth/dev-token issues tokens for seeded users. Never in production. */
  CONCORD_DEV_AUTH: flag,
  /** Secret that signs and verifies dev tokens (HS256); random per start when unset. */
  CONCORD_DEV_AUTH_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  /** Production: the identity provider's issuer (`iss`), JWKS URL or PEM public key, and audience. */
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_PUBLIC_KEY: z.string().includes('BEGIN PUBLIC KEY', { message: 'a PEM public key' }).optional(),
  /** How long the gateway waits for a service's answer. */
  RPC_TIMEOUT_MS: durationMs(5000),
  GATEWAY_DB_POOL: z.coerce.number().int().min(1).max(100).default(5),
  /** Short: with PostgreSQL stalled, a keyed write answers 503 within ~5 s. */
  ...databaseTimeoutConfig({ statementMs: 3000, lockMs: 2000, acquireMs: 3000 }),
  ...retentionConfig(),
  /** Origins (comma-separated, e.g. `https://portal.mofa.gov.vn`) whose web applications may call the API from a browser; unset: CORS closed. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }))),
  /** The built admin portal, served at /portal/ (main.ts: apps/portal/dist beside the gateway); unset or not built: not served. */
  PORTAL_DIR: z.string().min(1).optional(),
  /**
   * Each service's Ed25519 audit public key (32 bytes, base64): checkpoints are kept, and chains verified, only against
   * these. After a rotation, the keys it used, comma-separated, oldest first (docs/runbooks/rotate-audit-key.md).
   */
  CONCORD_AUDIT_PUBLIC_KEY_REGISTRY: base64Key32List.optional(),
  CONCORD_AUDIT_PUBLIC_KEY_AGREEMENTS: base64Key32List.optional(),
  CONCORD_AUDIT_PUBLIC_KEY_TASKING: base64Key32List.optional(),
  CONCORD_AUDIT_PUBLIC_KEY_APPROVALS: base64Key32List.optional(),
});

export type GatewayConfig = z.infer<typeof GatewayConfigSchema>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const schema = GatewayConfigSchema.superRefine((c, ctx) => {
    if (!c.CONCORD_DEV_AUTH && !c.AUTH_JWKS_URL && !c.AUTH_PUBLIC_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_JWKS_URL'],
        message: 'set AUTH_JWKS_URL or AUTH_PUBLIC_KEY (or CONCORD_DEV_AUTH=1 for development)',
      });
    }
    for (const service of ['REGISTRY', 'AGREEMENTS', 'TASKING', 'APPROVALS'] as const) {
      const variable = `CONCORD_AUDIT_PUBLIC_KEY_${service}` as const;
      if (!c.CONCORD_DEV_AUTH && !c[variable]?.length) {
        ctx.addIssue({
          code: 'custom',
          path: [variable],
          message: "required outside development: the service's audit public key (npm start generates the pair)",
        });
      }
    }
  });
  return loadConfig(schema, env);
}
