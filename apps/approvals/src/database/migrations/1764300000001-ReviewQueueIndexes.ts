import { statementsMigration } from '@concord/database';

/**
 * The review queue reads, per role (or for the whole agency, or the
 * escalated ones), the next stages due in (due time, id) order: one index
 * for each of those three shapes, so a page stops after its rows instead of
 * sorting everything in review.
 */
export const ReviewQueueIndexes1764300000001 = statementsMigration(
  'ReviewQueueIndexes1764300000001',
  [
    'DROP INDEX submissions_queue',
    `CREATE INDEX submissions_queue_role ON submissions (stage_agency_id, stage_role, stage_due_at, id) WHERE status = 'in_review'`,
    `CREATE INDEX submissions_queue_agency ON submissions (stage_agency_id, stage_due_at, id) WHERE status = 'in_review'`,
    `CREATE INDEX submissions_queue_escalated ON submissions (stage_agency_id, stage_due_at, id) WHERE status = 'in_review' AND escalated_at IS NOT NULL`,
  ],
  [
    'DROP INDEX submissions_queue_role',
    'DROP INDEX submissions_queue_agency',
    'DROP INDEX submissions_queue_escalated',
    `CREATE INDEX submissions_queue ON submissions (stage_agency_id, stage_role, stage_due_at) WHERE status = 'in_review'`,
  ],
);
