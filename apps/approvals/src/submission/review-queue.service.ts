import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, NUMBER_POSITION, type ApprovalCommands, type Envelope } from '@concord/domain';
import type { z } from 'zod';
import type { SubmissionRow } from './submission.service';

/**
 * What waits for review at the caller's agency, soonest due first (overdue
 * on top). With `mine`, only the stages of the caller's roles; an agency's
 * admins also get every escalated (overdue) stage of their agency, first.
 */
export class ReviewQueueService {
  constructor(private readonly dataSource: DataSource) {}

  async list(cmd: Envelope<z.infer<(typeof ApprovalCommands)['reviews']>>) {
    const { actor, data: { query } } = cmd;
    const isAdmin = actor.roles.includes('admin');
    const offset = query.cursor ? Number(decodeCursor(query.cursor, NUMBER_POSITION)) : 0;
    const rows: SubmissionRow[] = await this.dataSource.query(
      `SELECT * FROM submissions
        WHERE status = 'in_review' AND stage_agency_id = $1 AND submitted_by <> $2
          AND (NOT $3 OR stage_role = ANY($4) OR ($5 AND escalated_at IS NOT NULL))
        ORDER BY ($5 AND escalated_at IS NOT NULL) DESC, stage_due_at, id
        OFFSET $6 LIMIT $7`,
      [actor.orgId, actor.userId, query.mine === true, actor.roles, isAdmin, offset, query.limit + 1],
    );
    const items = rows.slice(0, query.limit);
    const now = Date.now();
    return {
      items: items.map((r) => {
        const stage = r.stages[r.stage_index];
        return {
          id: r.id, assignmentId: r.assignment_id, campaignId: r.campaign_id, ownerAgencyId: r.owner_agency_id, creatorName: r.creator_name,
          platform: r.platform, kind: r.kind, status: r.status, createdAt: r.created_at.toISOString(),
          currentStage: {
            ...stage, index: r.stage_index, dueAt: r.stage_due_at!.toISOString(), overdue: r.stage_due_at!.getTime() < now, escalated: r.escalated_at !== null,
            approvals: r.stage_approvals,
          },
        };
      }),
      nextCursor: rows.length > query.limit ? encodeCursor(String(offset + query.limit)) : null,
    };
  }
}
