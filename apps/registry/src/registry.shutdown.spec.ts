import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DomainError, SUBJECTS } from '@concord/domain';
import type { ServiceClient } from '@concord/messaging';
import {
  createServiceTestDatabase,
  testEnvName,
  testNats,
  testPiiKey,
  testServiceClient,
  testServiceConfig,
  testUrls,
  untilServiceAnswers,
} from '@concord/testing';
import { migrateRegistryDatabase } from './database/migrate-registry';
import { actors, registration } from './test/registry.test-helpers';

/**
 * The registry as `npm start` runs it (its built main.js, a process of its
 * own): on SIGTERM it stops taking requests, finishes the ones in flight and
 * exits 0. Every request is either answered after its commit or refused
 * before doing anything; none is half done.
 */
describe('registry process shutdown', () => {
  let child: ChildProcess;
  let client: ServiceClient;
  let databaseUrl: string;
  const env = testEnvName();

  beforeAll(async () => {
    const urls = testUrls();
    const database = await createServiceTestDatabase(urls.databaseUrl);
    databaseUrl = database.adminUrl;
    child = spawn(process.execPath, [join(process.cwd(), 'dist/main.js')], {
      env: {
        ...process.env,
        CONCORD_ENV: env,
        ...(await testServiceConfig(database, 'registry', migrateRegistryDatabase)),
        CONCORD_PII_KEY: testPiiKey(),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    client = testServiceClient(testNats('gateway'), env, 10_000);
    await client.connect();
    await untilServiceAnswers(client, 'registry', 30_000);
  });
  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await client.close();
  });

  it('finishes in-flight requests, refuses later ones cleanly, and exits 0 on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const requests = Array.from({ length: 60 }, (_, i) =>
      new Promise((r) => setTimeout(r, i * 5)).then(() =>
        client.request(
          SUBJECTS.registry.creatorCreate,
          { input: registration({ displayName: `Shutdown Test ${i}` }) },
          actors.registrar,
        ),
      ),
    );
    await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGTERM');
    const outcomes = await Promise.allSettled(requests);
    expect(await exited).toBe(0);

    const answered = outcomes.filter((o) => o.status === 'fulfilled').length;
    const refused = outcomes.filter((o) => o.status === 'rejected');
    // Refused: not taken (no responders) or, for one that reached the closing process and got no answer, of unknown outcome
    // to the caller (a retry with its Idempotency-Key is safe); the count below shows none of them did anything.
    for (const r of refused)
      expect(['service.unavailable', 'service.outcome_unknown']).toContain((r.reason as DomainError).code);
    expect(answered).toBeGreaterThan(0);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(
        "SELECT count(*)::int AS n FROM registry.creators WHERE display_name LIKE 'Shutdown Test %'",
      );
      expect(rows[0].n).toBe(answered);
    } finally {
      await db.end();
    }
  });
});
