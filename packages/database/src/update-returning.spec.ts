import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createServiceDataSource } from './data-source';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';
import { freePort } from './free-port';
import { updateReturning } from './update-returning';

describe('updateReturning, on PostgreSQL', () => {
  let pg: RunningPostgres;
  let db: DataSource;

  beforeAll(async () => {
    pg = await startEmbeddedPostgres({
      dataDir: mkdtempSync(join(tmpdir(), 'concord-update-returning-')),
      port: await freePort(),
      persistent: false,
      fast: true,
    });
    db = createServiceDataSource({
      url: pg.url,
      schema: 'public',
      entities: [],
      migrations: [],
      applicationName: 'spec',
    });
    await db.initialize();
    await db.query('CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)');
  }, 120_000);
  // Every test starts from the same three counters, whatever ran before it.
  beforeEach(async () => {
    await db.query('TRUNCATE counters');
    await db.query('INSERT INTO counters VALUES (1, 10), (2, 20), (3, 30)');
  });
  afterAll(async () => {
    await db?.destroy();
    await pg?.stop();
  });

  it('answers the rows an UPDATE returned, in or out of a transaction, and none when nothing matched', async () => {
    expect(
      await updateReturning<{ id: number; n: number }>(
        db,
        'UPDATE counters SET n = n + 1 WHERE id = ANY($1) RETURNING id, n',
        [[1, 2]],
      ),
    ).toEqual(
      expect.arrayContaining([
        { id: 1, n: 11 },
        { id: 2, n: 21 },
      ]),
    );
    const inTransaction = await db.transaction((m) =>
      updateReturning<{ n: number }>(m, 'UPDATE counters SET n = n * 2 WHERE id = $1 RETURNING n', [3]),
    );
    expect(inTransaction).toEqual([{ n: 60 }]);
    expect(await updateReturning(db, 'UPDATE counters SET n = 0 WHERE id = $1 RETURNING id', [99])).toEqual([]);
  });

  it('answers the rows a DELETE returned', async () => {
    expect(await updateReturning<{ id: number }>(db, 'DELETE FROM counters WHERE id = $1 RETURNING id', [3])).toEqual([
      { id: 3 },
    ]);
  });

  it('refuses a statement that is not an UPDATE or a DELETE, whose result TypeORM shapes otherwise', async () => {
    await expect(updateReturning(db, 'SELECT id FROM counters', [])).rejects.toThrow(
      'UPDATE or DELETE statements only',
    );
  });
});
