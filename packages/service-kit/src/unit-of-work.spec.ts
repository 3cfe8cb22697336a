import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createServiceDataSource, freePort, startEmbeddedPostgres, type RunningPostgres } from '@concord/database';
import { createEnvelope, DomainError, type Actor } from '@concord/domain';
import { MESSAGING_DDL, ProcessedCommand } from '@concord/messaging';
import { UnitOfWork } from './unit-of-work';

const actor: Actor = { userId: 'manager@mcst', orgId: 'mcst-ttcs', roles: ['campaign_manager'] };

/** The unit of work on a real PostgreSQL: what a woken relay finds, and when it is woken. */
describe('UnitOfWork', () => {
  let postgres: RunningPostgres;
  let db: DataSource;
  /** What another connection (the relay's) saw each time the unit of work said it committed. */
  let seenAtWake: number[];
  let work: UnitOfWork;

  const count = async () => Number((await db.query<{ n: string }[]>('SELECT count(*) AS n FROM notes'))[0]!.n);
  const note = (text: string) => (m: { query: DataSource['query'] }) =>
    m.query('INSERT INTO notes (note) VALUES ($1) RETURNING id', [text]).then(() => text);

  beforeAll(async () => {
    postgres = await startEmbeddedPostgres({
      dataDir: mkdtempSync(join(tmpdir(), 'concord-service-kit-')),
      port: await freePort(),
      persistent: false,
      fast: true,
    });
    db = createServiceDataSource({
      url: postgres.url,
      schema: 'public',
      entities: [ProcessedCommand],
      migrations: [],
      applicationName: 'concord-service-kit-test',
      poolSize: 4,
    });
    await db.initialize();
    for (const ddl of MESSAGING_DDL) await db.query(ddl);
    await db.query('CREATE TABLE notes (id serial PRIMARY KEY, note text NOT NULL)');
    seenAtWake = [];
    work = new UnitOfWork(db, () => {
      // At once, as the relay's wake would: the count is read from another pooled connection.
      reads.push(count().then((n) => void seenAtWake.push(n)));
    });
  }, 120_000);
  afterAll(async () => {
    await db?.destroy();
    await postgres?.stop();
  });

  /** The reads the wakes so far started. */
  const reads: Promise<void>[] = [];
  const settle = () => Promise.all(reads.splice(0));
  /** Forgets the wakes so far, once the reads they started (an earlier test's too) have ended. */
  const freshWakes = async () => {
    await settle();
    seenAtWake = [];
  };

  it('wakes the relay once a command has committed, so what it wrote is there to be read', async () => {
    await freshWakes();
    const before = await count();
    const envelope = createEnvelope('concord.test.note', actor, { text: 'first' }, { idempotencyKey: 'k-first' });
    expect(await work.command(envelope, (m) => note('first')(m))).toBe('first');
    await settle();
    expect(seenAtWake).toEqual([before + 1]);
  });

  it('runs a command once per Idempotency-Key: the same key answers the first reply and writes nothing more', async () => {
    const envelope = createEnvelope('concord.test.note', actor, { text: 'once' }, { idempotencyKey: 'k-once' });
    const before = await count();
    let runs = 0;
    const effect = (m: { query: DataSource['query'] }) => {
      runs += 1;
      return note('once')(m);
    };
    expect(await work.command(envelope, effect)).toBe('once');
    expect(await work.command({ ...envelope }, effect)).toBe('once');
    expect({ runs, written: (await count()) - before }).toEqual({ runs: 1, written: 1 });
  });

  it('keeps nothing of a command whose effect fails, and does not wake the relay', async () => {
    await freshWakes();
    const before = await count();
    const envelope = createEnvelope('concord.test.note', actor, { text: 'refused' }, { idempotencyKey: 'k-refused' });
    await expect(
      work.command(envelope, async (m) => {
        await note('refused')(m);
        throw new DomainError('validation.failed', 'refused after writing');
      }),
    ).rejects.toMatchObject({ code: 'validation.failed' });
    await settle();
    expect({ written: (await count()) - before, wakes: seenAtWake.length }).toEqual({ written: 0, wakes: 0 });
  });

  it('wakes after a job only when the job says it changed something', async () => {
    await freshWakes();
    const before = await count();
    expect(await work.job(async () => 0)).toBe(0);
    expect(await work.job(async (m) => (await note('job')(m)).length)).toBe(3);
    await settle();
    expect(seenAtWake).toEqual([before + 1]);
  });
});
