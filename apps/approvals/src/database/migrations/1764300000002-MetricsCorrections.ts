import { statementsMigration } from '@concord/database';

/**
 * Reach counters only grow; a reading that lowers one is a correction and
 * keeps its reason beside the figures (the audit trail holds it too).
 */
export const MetricsCorrections1764300000002 = statementsMigration(
  'MetricsCorrections1764300000002',
  ['ALTER TABLE metrics ADD COLUMN correction_reason text'],
  ['ALTER TABLE metrics DROP COLUMN correction_reason'],
);
