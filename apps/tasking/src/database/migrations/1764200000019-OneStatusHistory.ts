import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['campaign_requests', 'agency_tasks', 'assignments'] as const;

/** Each change's `from` key renamed `to` in a history array, in order. */
const renameKey = (column: string, from: string, to: string) =>
  `(SELECT coalesce(jsonb_agg((e - '${from}') || jsonb_build_object('${to}', e -> '${from}') ORDER BY i), '[]'::jsonb)
      FROM jsonb_array_elements(${column}) WITH ORDINALITY AS x(e, i))`;

/**
 * One status history for every object (issue 13): campaign requests, agency
 * tasks and assignments kept theirs as `history` with a `note` per change;
 * now, like creators, agreements and campaigns, as `status_history` with a
 * `reason`.
 */
export class OneStatusHistory1764200000019 implements MigrationInterface {
  name = 'OneStatusHistory1764200000019';

  async up(db: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await db.query(`ALTER TABLE ${table} RENAME COLUMN history TO status_history`);
      await db.query(`UPDATE ${table} SET status_history = ${renameKey('status_history', 'note', 'reason')}`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await db.query(`UPDATE ${table} SET status_history = ${renameKey('status_history', 'reason', 'note')}`);
      await db.query(`ALTER TABLE ${table} RENAME COLUMN status_history TO history`);
    }
  }
}
