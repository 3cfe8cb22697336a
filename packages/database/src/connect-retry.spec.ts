import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServiceDataSource } from './data-source';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';
import { freePort } from './free-port';
import { connectServiceDatabase } from './service-roles';

const dataSourceAt = (port: number) =>
  createServiceDataSource({
    url: `postgres://concord:concord@127.0.0.1:${port}/postgres`,
    schema: 'public',
    entities: [],
    migrations: [],
    applicationName: 'spec',
  });

describe('connectServiceDatabase: a starting service and a PostgreSQL not answering yet', () => {
  let pg: RunningPostgres | undefined;
  afterAll(async () => pg?.stop());

  it('connects to a server that starts after the service began trying', async () => {
    const port = await freePort();
    const connecting = connectServiceDatabase(dataSourceAt(port), { attempts: 40, delayMs: 100 });
    pg = await startEmbeddedPostgres({
      dataDir: mkdtempSync(join(tmpdir(), 'concord-connect-retry-')),
      port,
      persistent: false,
      fast: true,
    });
    const db = await connecting;
    expect(await db.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    await db.destroy();
  }, 120_000);

  it('gives up, with the driver’s error, once its attempts are spent', async () => {
    const port = await freePort();
    await expect(connectServiceDatabase(dataSourceAt(port), { attempts: 2, delayMs: 10 })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });
});
