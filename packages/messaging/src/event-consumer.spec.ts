import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstream } from '@nats-io/jetstream';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createServiceDataSource, freePort, startEmbeddedPostgres, type RunningPostgres } from '@concord/database';
import { createEnvelope, namespaceSubject, type Actor } from '@concord/domain';
import { EventConsumer, INBOX_DDL } from './event-consumer';
import { currentRequestId } from './request-context';
import { ensureEventStream } from './event-stream';
import { connectNats } from './nats-connection';
import { startNatsServer, type RunningNats } from '@concord/local-servers';
import type { NatsConnection } from '@nats-io/transport-node';

const ENV = 'consumer_test';
const SUBJECT = 'concord.events.test.thing.happened';
const actor: Actor = { userId: 'system:test', orgId: 'mcst-ttcs', roles: [] };

/** A durable consumer on a real nats-server and PostgreSQL: bursts applied in batches, each event once, in order. */
describe('EventConsumer', () => {
  let postgres: RunningPostgres;
  let nats: RunningNats;
  let nc: NatsConnection;
  let db: DataSource;
  let consumer: EventConsumer;
  /** Handled in this order; an event with a negative `n` always throws. */
  const handled: number[] = [];
  /** The request id each event was applied inside, by its `n`. */
  const requestIds = new Map<number, string | undefined>();

  const publish = async (n: number, id?: string, correlationId?: string) => {
    const envelope = createEnvelope(SUBJECT, actor, { n }, { correlationId });
    await jetstream(nc).publish(namespaceSubject(ENV, SUBJECT), JSON.stringify(id ? { ...envelope, id } : envelope));
    return envelope.id;
  };
  const applied = async () => (await db.query<{ n: number }[]>('SELECT n FROM applied ORDER BY seq')).map((r) => r.n);
  const eventually = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 400 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
  };

  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'concord-consumer-'));
    [postgres, nats] = await Promise.all([
      freePort().then((port) =>
        startEmbeddedPostgres({ dataDir: join(root, 'pg'), port, persistent: false, fast: true }),
      ),
      freePort().then((port) => startNatsServer({ port, storeDir: join(root, 'nats') })),
    ]);
    db = createServiceDataSource({
      url: postgres.url,
      schema: 'public',
      entities: [],
      migrations: [],
      applicationName: 'concord-consumer-test',
      poolSize: 4,
    });
    await db.initialize();
    for (const ddl of INBOX_DDL) await db.query(ddl);
    await db.query('CREATE TABLE applied (seq serial PRIMARY KEY, n int NOT NULL)');
    nc = await connectNats({ servers: nats.url });
    await ensureEventStream(nc, ENV);
    consumer = new EventConsumer({
      nc,
      dataSource: db,
      env: ENV,
      service: 'test',
      purpose: 'things',
      filter: SUBJECT,
      handle: async (event, manager) => {
        const { n } = event.data as { n: number };
        if (n < 0) throw new Error(`event ${n} cannot be applied`);
        handled.push(n);
        requestIds.set(n, currentRequestId());
        await manager.query('INSERT INTO applied (n) VALUES ($1)', [n]);
      },
    });
    await consumer.start();
  }, 120_000);
  afterAll(async () => {
    await consumer?.stop();
    await nc?.drain();
    await db?.destroy();
    await Promise.all([nats?.stop(), postgres?.stop()]);
  });

  it('applies a burst in order, each event once, though one is published twice', async () => {
    await db.query('TRUNCATE applied');
    const ids: string[] = [];
    for (let n = 1; n <= 200; n++) ids.push(await publish(n));
    await publish(7, ids[6]); // the same event again: JetStream's duplicate window is bypassed by a new message id
    await eventually(async () => (await applied()).length >= 200);
    expect(await applied()).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const [{ events }] = await db.query<{ events: number }[]>(
      'SELECT count(*)::int AS events FROM inbox WHERE event_id = ANY($1)',
      [ids],
    );
    expect(events).toBe(200);
  });

  it('applies the others of a batch when one of them cannot be applied, and keeps retrying that one', async () => {
    handled.length = 0;
    await db.query('TRUNCATE applied');
    for (const n of [301, 302, -1, 303, 304]) await publish(n);
    await eventually(async () => (await applied()).length >= 4);
    expect(await applied()).toEqual([301, 302, 303, 304]);
    expect(handled).not.toContain(-1);
  });

  it('applies an event inside the request that caused it (its correlation id), so what it writes names that request', async () => {
    await db.query('TRUNCATE applied');
    const own = await publish(401);
    await publish(402, undefined, 'ministry-7:case-42');
    await eventually(async () => (await applied()).length >= 2);
    expect(requestIds.get(401)).toBe(own);
    expect(requestIds.get(402)).toBe('ministry-7:case-42');
  });
});
