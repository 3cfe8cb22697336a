import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { createTestDatabase, testUrls } from '@concord/testing';
import { OneStatusHistory1764200000019 } from './migrations/1764200000019-OneStatusHistory';

const TABLES = ['campaign_requests', 'agency_tasks', 'assignments'];
const OLD = [
  { from: null, to: 'submitted', note: null, at: '2026-11-01T08:00:00.000Z', by: 'liaison@mofa' },
  { from: 'submitted', to: 'countered', note: 'Two weeks later, please', at: '2026-11-02T08:00:00.000Z', by: 'a@mcst' },
  { from: 'countered', to: 'accepted', note: null, at: '2026-11-03T08:00:00.000Z', by: 'liaison@mofa' },
];

/** The migration on real PostgreSQL, on tables holding only what it touches: histories stored before it and after. */
describe('migration OneStatusHistory', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = await new DataSource({ type: 'postgres', url: await createTestDatabase(testUrls().databaseUrl) }).initialize();
    for (const table of TABLES) {
      await db.query(`CREATE TABLE ${table} (id int PRIMARY KEY, history jsonb NOT NULL)`);
      await db.query(`INSERT INTO ${table} VALUES (1, $1), (2, '[]')`, [JSON.stringify(OLD)]);
    }
  });
  afterAll(async () => db?.destroy());

  it('renames history to status_history and each note to reason, in order, and back again', async () => {
    const migration = new OneStatusHistory1764200000019();
    const runner = db.createQueryRunner();
    try {
      await migration.up(runner);
      for (const table of TABLES) {
        const rows: { id: number; status_history: unknown }[] = await db.query(
          `SELECT id, status_history FROM ${table} ORDER BY id`,
        );
        expect(rows).toEqual([
          { id: 1, status_history: OLD.map(({ note, ...change }) => ({ ...change, reason: note })) },
          { id: 2, status_history: [] },
        ]);
      }
      await migration.down(runner);
      for (const table of TABLES) {
        expect(await db.query(`SELECT id, history FROM ${table} ORDER BY id`)).toEqual([
          { id: 1, history: OLD },
          { id: 2, history: [] },
        ]);
      }
    } finally {
      await runner.release();
    }
  });
});
