import { statementsMigration } from '@concord/database';

/**
 * Fan-outs filter creators by region (`regions @> {VN-HN}`), as lists filter
 * by topic and language: without this a rare region scanned every creator.
 */
export const CreatorRegions1764000000005 = statementsMigration(
  'CreatorRegions1764000000005',
  ['CREATE INDEX creators_regions ON creators USING gin (regions)'],
  ['DROP INDEX creators_regions'],
);
