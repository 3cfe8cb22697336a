import type { DataSource } from 'typeorm';

/** How long a readiness probe waits for the database: a stalled one is reported down, not waited for. */
export const DATABASE_PROBE_MS = 1500;

/** True when the service's database answers a trivial query within `timeoutMs`. */
export async function databaseAnswers(dataSource: DataSource, timeoutMs = DATABASE_PROBE_MS): Promise<boolean> {
  try {
    await withTimeout(dataSource.query('SELECT 1'), timeoutMs, `The database did not answer within ${timeoutMs} ms`);
    return true;
  } catch {
    return false;
  }
}

/** Rejects with `message` when `promise` has not settled within `ms` (the work itself goes on). */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
