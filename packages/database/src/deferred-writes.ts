import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** A statement and its `$n` parameters. */
export type Statement = readonly [string, readonly unknown[]];

const QUEUE = 'concord.deferredWrites';

/**
 * Several INSERTs as one statement: all but the last as data-modifying CTEs
 * (`WITH s0 AS (...), s1 AS (...) last`), their `$n` parameters renumbered
 * after those before them. The statements must not return rows that matter.
 */
export function oneStatement(parts: readonly Statement[]): [string, unknown[]] {
  const params: unknown[] = [];
  const sqls = parts.map(([sql, values]) => {
    const offset = params.length;
    params.push(...values);
    return offset === 0 ? sql : sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
  });
  const last = sqls.pop() as string;
  return [sqls.length ? `WITH ${sqls.map((sql, i) => `s${i} AS (${sql})`).join(', ')} ${last}` : last, params];
}

function queueOf(manager: EntityManager): Statement[] | undefined {
  return manager.queryRunner?.data?.[QUEUE] as Statement[] | undefined;
}

/**
 * From here to `flushWrites`, the transaction's bookkeeping INSERTs (audit
 * entries, outbox events) wait and go to PostgreSQL as one statement at the
 * end instead of one round trip each: a registration sent 9 statements, 7
 * with this. Only for writes nothing in the transaction reads back.
 */
export function deferWrites(manager: EntityManager): void {
  if (!manager.queryRunner) throw new Error('deferWrites needs a query runner: a transaction, or a runner of its own');
  manager.queryRunner.data = { ...manager.queryRunner.data, [QUEUE]: [] };
}

/** Runs the INSERT now, or at `flushWrites` when the transaction defers its writes. */
export async function writeLater(manager: EntityManager, sql: string, params: readonly unknown[]): Promise<void> {
  const queue = queueOf(manager);
  if (queue) queue.push([sql, params]);
  else await manager.query(sql, [...params]);
}

/** Inserts `rows` of `entity` as TypeORM would (no values read back), now or at `flushWrites` (see `writeLater`). */
export async function insertLater<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: E | E[],
): Promise<void> {
  const [sql, params] = manager
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values(rows)
    .updateEntity(false)
    .getQueryAndParameters();
  await writeLater(manager, sql, params);
}

/** Sends what waits, and `last` after it, as one statement; later writes run at once again. */
export async function flushWrites(manager: EntityManager, last?: Statement): Promise<void> {
  const queue = queueOf(manager) ?? [];
  if (manager.queryRunner) delete manager.queryRunner.data[QUEUE];
  const parts = last ? [...queue, last] : queue;
  if (parts.length === 0) return;
  const [sql, params] = oneStatement(parts);
  await manager.query(sql, params);
}
