import { z } from 'zod';
import {
  auditEvidenceConfig,
  base64Key32,
  base64Key32List,
  CommonConfig,
  databaseTimeoutConfig,
  durationMs,
  metricsConfig,
  natsConfig,
  retentionConfig,
} from '@concord/config';
import { ActorProofConfig } from '@concord/messaging';
import type { ServiceName } from './service-module';

/** Connections in the service's pool (`<SERVICE>_DB_POOL`). */
const dbPool = z.coerce.number().int().min(1).max(100).default(10);
/** The service's Ed25519 audit signing key (32-byte seed, base64); required in production, npm start generates one. */
const auditKey = base64Key32.optional();
/** The public keys of the audit keys it signed with before a rotation, oldest first (docs/runbooks/rotate-audit-key.md). */
const retiredAuditKeys = base64Key32List.default([]);

type Named<N extends string> = Record<`${N}_DB_POOL`, typeof dbPool> &
  Record<`CONCORD_AUDIT_KEY_${N}`, typeof auditKey> &
  Record<`CONCORD_AUDIT_RETIRED_KEYS_${N}`, typeof retiredAuditKeys>;

function named<N extends string>(tag: N): Named<N> {
  return {
    [`${tag}_DB_POOL`]: dbPool,
    [`CONCORD_AUDIT_KEY_${tag}`]: auditKey,
    [`CONCORD_AUDIT_RETIRED_KEYS_${tag}`]: retiredAuditKeys,
  } as Named<N>;
}

/**
 * The variables every service reads (README, "Configuration"): NATS and
 * PostgreSQL, the actor issuers it believes, timeouts, retention, its audit
 * evidence, and those that carry its name (`REGISTRY_DB_POOL`,
 * `CONCORD_AUDIT_KEY_REGISTRY`, `CONCORD_AUDIT_RETIRED_KEYS_REGISTRY`). A
 * service's schema spreads this and adds its own.
 */
export function serviceConfigShape<N extends ServiceName>(name: N) {
  return {
    CONCORD_ENV: CommonConfig.CONCORD_ENV,
    NATS_URL: CommonConfig.NATS_URL,
    ...natsConfig(),
    DATABASE_URL: CommonConfig.DATABASE_URL,
    LOG_LEVEL: CommonConfig.LOG_LEVEL,
    ...metricsConfig(),
    /** The issuers whose proof of a request's actor it believes (ADR 0014). */
    CONCORD_ACTOR_ISSUERS: ActorProofConfig.CONCORD_ACTOR_ISSUERS,
    ...databaseTimeoutConfig(),
    ...retentionConfig(),
    ...auditEvidenceConfig(),
    ...named(name.toUpperCase() as Uppercase<N>),
  };
}

/** What a service that calls others adds: the key that signs the actor of its requests (ADR 0014) and how long it waits. */
export const callerConfigShape = () => ({
  CONCORD_ACTOR_KEY: ActorProofConfig.CONCORD_ACTOR_KEY,
  /** How long the service waits for another service's answer. */
  RPC_TIMEOUT_MS: durationMs(5000),
});
