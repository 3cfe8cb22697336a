import type { DataSource, EntityManager } from 'typeorm';
import { writeLater } from '@concord/database';

/** A bookkeeping row as appendAudit writes one: deferred to the end of the command's transaction. */
export function appendAuditRow(manager: EntityManager, note: string | null): Promise<void> {
  return writeLater(manager, 'INSERT INTO notes (note) VALUES ($1)', [note]);
}

export async function outboxCount(db: DataSource): Promise<number> {
  const [{ n }] = await db.query('SELECT count(*)::int AS n FROM outbox');
  return n;
}
