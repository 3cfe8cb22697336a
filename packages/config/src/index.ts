import { z } from 'zod';

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}\n` +
        'See the "Configuration" section of README.md.',
    );
    this.name = 'ConfigError';
  }
}

/**
 * Reads configuration from environment variables through a zod schema whose
 * keys are the variable names. A wrong value fails at once, naming the
 * variable.
 */
export function loadConfig<T extends z.ZodObject>(schema: T, env: NodeJS.ProcessEnv = process.env): z.infer<T> {
  const raw: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    raw[key] = value === '' ? undefined : value;
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '(config)'), message: issue.message })),
    );
  }
  return result.data;
}

/** Variables every Concord process reads. */
export const CommonConfig = {
  CONCORD_ENV: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_]{0,31}$/, 'lower-case letters, digits or _ (at most 32)')
    .default('dev'),
  NATS_URL: z
    .string()
    .regex(
      /^(nats|tls|wss?):\/\/[^,\s]+(,\s*(nats|tls|wss?):\/\/[^,\s]+)*$/,
      'a NATS URL such as nats://127.0.0.1:4222, or several separated by commas (a cluster)',
    ),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/.+/, 'a PostgreSQL URL such as postgres://user:pass@host:5432/db'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
};

/**
 * How a process authenticates to NATS and encrypts its connection: its own
 * NKey seed (the server holds only the public key and the permissions,
 * packages/messaging/src/bus-permissions.ts) and, in production, TLS.
 */
export const natsConfig = () => ({
  NATS_NKEY_SEED: z
    .string()
    .regex(/^SU[A-Z2-7]{56}$/, 'a user NKey seed (SU…, 58 characters): `npm run nats:identities` makes them')
    .optional(),
  NATS_TLS_CA: z.string().optional(),
  NATS_TLS_CERT: z.string().optional(),
  NATS_TLS_KEY: z.string().optional(),
  /** On how many servers of a NATS cluster the event stream is kept (3 in production; at most the cluster's size). */
  NATS_STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
});

/** Database timeouts (packages/database `databaseTimeouts`): the services' defaults; the gateway gives shorter ones. */
export const databaseTimeoutConfig = (defaults = { statementMs: 15_000, lockMs: 5_000, acquireMs: 5_000 }) => ({
  DB_STATEMENT_TIMEOUT_MS: durationMs(defaults.statementMs),
  DB_LOCK_TIMEOUT_MS: durationMs(defaults.lockMs),
  DB_ACQUIRE_TIMEOUT_MS: durationMs(defaults.acquireMs),
});

/**
 * How long idempotency records (the gateway's keys, the services' processed
 * commands) and published outbox rows are kept before pruning. At least an
 * hour: longer than JetStream's 15-minute duplicate window.
 */
export const retentionConfig = () => ({
  IDEMPOTENCY_RETENTION_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 366)
    .default(24),
  OUTBOX_RETENTION_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 366)
    .default(24 * 7),
});

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
/**
 * METRICS_PORT: where the process serves `GET /metrics` (ADR 0027). Unset or `off`: nowhere (several processes share
 * one host under `npm start` and in the cluster story); a port (`9464` on Kubernetes, `0`: any free one, for tests).
 */
export const metricsConfig = () => ({
  METRICS_PORT: z
    .union([z.literal('off'), z.coerce.number().int().min(0).max(65535)])
    .default('off')
    .transform((v): number | 'off' => v),
});

export const flag = z
  .enum(['0', '1', 'true', 'false'])
  .default('0')
  .transform((v) => v === '1' || v === 'true');
export const durationMs = (fallback: number) => z.coerce.number().int().min(1).max(3_600_000).default(fallback);
export * from './run-process';

/** An Ed25519 key's 32-byte seed (or raw public key), base64 (`openssl rand -base64 32`). */
export const base64Key32 = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, '32 bytes in base64 (openssl rand -base64 32)');

/**
 * Ed25519 public keys (32 bytes each, base64), comma-separated, oldest first:
 * the keys a service's audit trail was signed with, in the order it used
 * them (a rotated key stays listed so the links it signed still verify).
 * Parsed configuration (an array) parses again unchanged.
 */
export const base64Key32List = z.union([
  z.array(base64Key32),
  z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((key) => key.trim())
        .filter(Boolean),
    )
    .pipe(z.array(base64Key32)),
]);

/** How a service's audit sequencer and checkpointer run (packages/audit AuditEvidence). */
export const auditEvidenceConfig = () => ({
  /** How often the sequencer looks for entries to link (it is also woken after writes). */
  AUDIT_SEQUENCE_MS: durationMs(2000),
  /** How often the service signs and publishes a checkpoint of its chain (only when it grew). */
  AUDIT_CHECKPOINT_MS: durationMs(60_000),
});
