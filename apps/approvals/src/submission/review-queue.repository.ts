import type { DataSource } from 'typeorm';
import { decodeCursor, type Actor } from '@concord/domain';
import type { SubmissionColumns } from './submission.repository';

/** A queue position: escalated first (0) for admins, then by due time and id. */
type Position = { rank: 0 | 1; due: string; id: string };
const POSITION = /^[01]\|\d{4}-\d\d-\d\dT[\d:.]+Z\|[0-9a-f-]{36}$/;

/** A submission waiting in the queue, with its part (0: escalated) and its due time as the cursor keeps it. */
export type QueueRow = SubmissionColumns & { rank: 0 | 1; due_key: string };

/** The review queue's reads (review-queue.service.ts shapes the answer). */
export class ReviewQueueRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One page and one row more (to know whether another page follows), in queue order. */
  page(actor: Actor, query: { mine?: boolean; limit: number; cursor?: string }): Promise<QueueRow[]> {
    const { sql, params } = reviewQueueQuery(actor, query);
    return this.dataSource.query<QueueRow[]>(sql, params);
  }
}

/** The queue's SQL for a caller and a page (exported for the benchmark, which runs the same SQL directly). */
export function reviewQueueQuery(
  actor: Actor,
  query: { mine?: boolean; limit: number; cursor?: string },
): { sql: string; params: unknown[] } {
  const isAdmin = actor.roles.includes('admin');
  const after: Position | null = query.cursor ? toPosition(decodeCursor(query.cursor, POSITION)) : null;
  const params: unknown[] = [actor.orgId, actor.userId, query.limit + 1];
  const param = (v: unknown) => `$${params.push(v)}`;
  // Where a part stands against the cursor: all after it (a later rank), all before it (an earlier rank), or from its position on.
  const laterThan = (rank: 0 | 1) => {
    if (!after || after.rank < rank) return 'true';
    if (after.rank > rank) return 'false';
    return `(stage_due_at, id) > (${param(after.due)}::timestamptz, ${param(after.id)}::uuid)`;
  };
  const part = (rank: 0 | 1, where: string) =>
    `(SELECT *, ${rank} AS rank, to_char(stage_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS due_key FROM submissions
       WHERE status = 'in_review' AND stage_agency_id = $1 AND submitted_by <> $2 AND ${where} AND ${laterThan(rank)}
       ORDER BY stage_due_at, id LIMIT $3)`;
  const notEscalated = isAdmin ? ' AND escalated_at IS NULL' : '';
  const parts = query.mine
    ? actor.roles.map((role) => part(1, `stage_role = ${param(role)}${notEscalated}`))
    : [part(1, `true${notEscalated}`)];
  if (isAdmin) parts.push(part(0, 'escalated_at IS NOT NULL'));
  return { sql: `SELECT * FROM (${parts.join(' UNION ALL ')}) q ORDER BY rank, stage_due_at, id LIMIT $3`, params };
}

function toPosition(raw: string): Position {
  const [rank, due, id] = raw.split('|');
  return { rank: Number(rank) as 0 | 1, due, id };
}
