import { encodeCursor, type ApprovalCommands, type Envelope } from '@concord/domain';
import type { z } from 'zod';
import type { ReviewQueueRepository } from './review-queue.repository';

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
  constructor(private readonly queue: ReviewQueueRepository) {}

  async list(cmd: Envelope<z.infer<(typeof ApprovalCommands)['reviews']>>) {
    const {
      actor,
      data: { query },
    } = cmd;
    // The cursor keeps the due time to the microsecond (as stored), so no row is seen twice or skipped.
    const rows = await this.queue.page(actor, query);
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
