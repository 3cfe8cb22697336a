import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { createServiceDataSource } from './data-source';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';
import { freePort } from './free-port';

let server: RunningPostgres;
let db: DataSource;

beforeAll(async () => {
  server = await startEmbeddedPostgres({
    dataDir: mkdtempSync(join(tmpdir(), 'concord-data-source-')),
    port: await freePort(),
    persistent: false,
    fast: true,
  });
  db = createServiceDataSource({
    url: server.url,
    schema: 'public',
    entities: [],
    migrations: [],
    applicationName: 'spec',
  });
  await db.initialize();
}, 120_000);
afterAll(async () => {
  await db?.destroy();
  await server?.stop();
});

it('a connection the server drops while it is checked out does not end the process, and the pool goes on', async () => {
  const pool = (db.driver as unknown as { master: pg.Pool }).master;
  const client = await pool.connect();
  const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows as [{ pid: number }];
  const ended = new Promise((resolve) => client.once('end', resolve));

  // The server ends the connection (as a primary going away does): the client hears an error nobody else listens to.
  await db.query('SELECT pg_terminate_backend($1)', [pid]);
  await ended;
  client.release(new Error('dropped by the server'));

  expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
});
