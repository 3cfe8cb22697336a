import { statementsMigration } from '@concord/database';

/** An assignment knows its latest submission (from the content approval service's events), so its creator can find it. */
export const AssignmentSubmission1764200000005 = statementsMigration(
  'AssignmentSubmission1764200000005',
  ['ALTER TABLE assignments ADD COLUMN submission_id uuid NULL'],
  ['ALTER TABLE assignments DROP COLUMN submission_id'],
);
