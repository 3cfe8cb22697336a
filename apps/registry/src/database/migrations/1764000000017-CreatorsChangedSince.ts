import { statementsMigration } from '@concord/database';

/**
 * Each registry instance keeps the creators' names in memory for the
 * duplicate check and asks every few seconds what changed since
 * (`updated_at > …`, ADR 0017): without this index each of those asks read
 * every creator.
 */
export const CreatorsChangedSince1764000000017 = statementsMigration(
  'CreatorsChangedSince1764000000017',
  ['CREATE INDEX creators_updated_at ON creators (updated_at)'],
  ['DROP INDEX creators_updated_at'],
);
