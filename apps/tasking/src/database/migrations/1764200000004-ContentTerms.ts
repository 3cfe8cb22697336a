import { statementsMigration } from '@concord/database';

/** What content approval needs from tasking: campaigns' reach targets, agreements' disclosure labels. */
export const ContentTerms1764200000004 = statementsMigration(
  'ContentTerms1764200000004',
  [
    `ALTER TABLE campaigns ADD COLUMN targets jsonb NOT NULL DEFAULT '{}'`,
    'ALTER TABLE agreement_coverage ADD COLUMN disclosure_label text NULL',
  ],
  ['ALTER TABLE agreement_coverage DROP COLUMN disclosure_label', 'ALTER TABLE campaigns DROP COLUMN targets'],
);
