/**
 * How long any database call may take, so that nothing waits for ever on a
 * stalled or stopped PostgreSQL (every pool of every process uses them).
 */
export interface DatabaseTimeouts {
  /** PostgreSQL cancels a statement running longer (`statement_timeout`). */
  statementMs: number;
  /** PostgreSQL gives up waiting for a row or table lock (`lock_timeout`). */
  lockMs: number;
  /** Waiting for a pooled connection, or for a new one to be established. */
  acquireMs: number;
}

/** The services' defaults; the gateway, which must answer within ~5 s, uses shorter ones. */
export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = { statementMs: 15_000, lockMs: 5_000, acquireMs: 5_000 };

/**
 * A server that does not answer at all (paused, or cut off by the network)
 * cannot enforce `statement_timeout`: the client gives up this long after it.
 */
export const CLIENT_GRACE_MS = 1_000;

/** The timeouts a process configured (DB_STATEMENT_TIMEOUT_MS, DB_LOCK_TIMEOUT_MS, DB_ACQUIRE_TIMEOUT_MS). */
export function databaseTimeouts(config: {
  DB_STATEMENT_TIMEOUT_MS: number;
  DB_LOCK_TIMEOUT_MS: number;
  DB_ACQUIRE_TIMEOUT_MS: number;
}): DatabaseTimeouts {
  return {
    statementMs: config.DB_STATEMENT_TIMEOUT_MS,
    lockMs: config.DB_LOCK_TIMEOUT_MS,
    acquireMs: config.DB_ACQUIRE_TIMEOUT_MS,
  };
}

/** SQLSTATEs that mean "not now" rather than "wrong": timeouts, a server going away, too many connections. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57014', // query_canceled (statement_timeout)
  '55P03', // lock_not_available (lock_timeout)
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '53300', // too_many_connections
  '40P01', // deadlock_detected: retrying is the remedy
]);

const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /Query read timeout/i,
  /Connection terminated/i,
  /Client has encountered a connection error/i,
  /connect ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH/,
  /the database system is (starting up|shutting down)/i,
  /Client was closed and is not queryable/i,
];

/**
 * True when a database error says PostgreSQL cannot answer now (stalled,
 * stopped, restarting, overloaded): the request may be retried later, and
 * the caller should answer 503, never 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 3; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (
      typeof code === 'string' &&
      (UNAVAILABLE_SQLSTATES.has(code) ||
        code.startsWith('08') ||
        /^E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT|HOSTUNREACH)$/.test(code))
    )
      return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((p) => p.test(message))) return true;
    // TypeORM wraps the driver's error.
    e = (e as { driverError?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}
