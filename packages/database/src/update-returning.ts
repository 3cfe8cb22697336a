import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs an `UPDATE … RETURNING` (or `DELETE … RETURNING`) and answers the rows it returned. TypeORM answers such a
 * statement with `[rows, affectedCount]` rather than the rows a SELECT or INSERT answers, so reading its result as
 * rows takes the pair for two rows. Every UPDATE or DELETE that returns rows goes through here.
 */
export async function updateReturning<T>(
  manager: EntityManager | DataSource,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  if (!/^\s*(WITH\b[\s\S]*?\)\s*)?(UPDATE|DELETE)\b/i.test(sql)) {
    throw new Error('updateReturning runs UPDATE or DELETE statements only');
  }
  const [rows] = await manager.query<[T[], number]>(sql, params);
  return rows;
}
