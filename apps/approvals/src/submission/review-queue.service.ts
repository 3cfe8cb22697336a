import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, type Actor, type ApprovalCommands, type Envelope } from '@concord/domain';
import type { z } from 'zod';
import type { SubmissionRow } from './submission.service';

/** A queue position: escalated first (0) for admins, then by due time and id. */
type Position = { rank: 0 | 1; due: string; id: string };
const POSITION = /^[01]\|\d{4}-\d\d-\d\dT[\d:.]+Z\|[0-9a-f-]{36}$/;

/**
 * What waits for review at the caller's agency, soonest due first (overdue
 * on top). With `mine`, only the stages of the caller's roles; an agency's
 * admins also get every escalated (overdue) stage of their agency, first.
 * Each part of the queue (a role, the agency, the escalated) is read from
 * its own index in (due time, id) order up to one page, and merged: a page
 * costs the same with 20 or 20,000 submissions waiting. Pages follow a
 * keyset cursor.
 */
export class ReviewQueueService {
  constructor(private readonly dataSource: DataSource) {}

  async list(cmd: Envelope<z.infer<(typeof ApprovalCommands)['reviews']>>) {
    const {
      actor,
      data: { query },
    } = cmd;
    const { sql, params } = reviewQueueQuery(actor, query);
    // The cursor keeps the due time to the microsecond (as stored), so no row is seen twice or skipped.
    const rows: (SubmissionRow & { rank: 0 | 1; due_key: string })[] = await this.dataSource.query(sql, params);
    const items = rows.slice(0, query.limit);
    const now = Date.now();
    const last = items[items.length - 1];
    return {
      items: items.map((r) => {
        const stage = r.stages[r.stage_index];
        return {
          id: r.id,
          assignmentId: r.assignment_id,
          campaignId: r.campaign_id,
          ownerAgencyId: r.owner_agency_id,
          creatorName: r.creator_name,
          platform: r.platform,
          kind: r.kind,
          status: r.status,
          createdAt: r.created_at.toISOString(),
          currentStage: {
            ...stage,
            index: r.stage_index,
            dueAt: r.stage_due_at!.toISOString(),
            overdue: r.stage_due_at!.getTime() < now,
            escalated: r.escalated_at !== null,
            approvals: r.stage_approvals,
          },
        };
      }),
      nextCursor: rows.length > query.limit ? encodeCursor(`${last.rank}|${last.due_key}|${last.id}`) : null,
    };
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
