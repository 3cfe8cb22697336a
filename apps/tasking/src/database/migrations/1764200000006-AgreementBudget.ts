import { statementsMigration } from '@concord/database';

/**
 * The agreements' budgets, from their events, so a campaign's budget is
 * checked against the agreements that fund it (null: known only from events
 * older than the budget field).
 */
export const AgreementBudget1764200000006 = statementsMigration(
  'AgreementBudget1764200000006',
  ['ALTER TABLE agreement_coverage ADD COLUMN budget bigint'],
  ['ALTER TABLE agreement_coverage DROP COLUMN budget'],
);
