import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstreamManager } from '@nats-io/jetstream';
import type { DataSource } from 'typeorm';
import { eventStreamName, EVENTS, newId } from '@concord/domain';
import { openServiceDatabase } from '@concord/database';
import { connectNats, ensureEventStream, OutboxRelay, recordEvent, type NatsConnection } from '@concord/messaging';
import {
  createTestDatabase,
  EventCollector,
  freePort,
  startTestNatsServer,
  testEnvName,
  testNats,
  testUrls,
} from '@concord/testing';
import { createRegistryDataSource } from '../database/registry-data-source';
import { actors } from '../test/registry.test-helpers';

/**
 * The outbox is the source of truth: an event committed with its change
 * reaches JetStream exactly once even when the relay dies between the
 * commit and the publish, or between JetStream's ack and marking the row.
 */
/** Any event of the contract does: the relay only carries it. */
const statusChanged = (reason: string) => ({ creatorId: newId(), from: 'prospect', to: 'vetted', reason }) as const;

describe('outbox relay', () => {
  const env = testEnvName();
  let db: DataSource;
  let nc: NatsConnection;
  let events: EventCollector;

  beforeAll(async () => {
    const urls = testUrls();
    db = await openServiceDatabase(createRegistryDataSource(await createTestDatabase(urls.databaseUrl), 3));
    nc = await connectNats(testNats('harness'));
    await ensureEventStream(nc, env);
    events = await new EventCollector(nc, env).start();
  });
  afterAll(async () => {
    await events.stop();
    await nc.drain();
    await db.destroy();
  });

  const commitEvent = (reason: string) =>
    db.transaction((m) =>
      recordEvent(m, EVENTS.registry.creatorStatusChanged, actors.registrar, statusChanged(reason)),
    );
  const unpublished = async () =>
    (await db.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL'))[0].n;
  const streamMessages = async () =>
    (await (await jetstreamManager(nc)).streams.info(eventStreamName(env))).state.messages;

  it('publishes, after a restart, an event committed while no relay ran', async () => {
    const envelope = await commitEvent('committed while the relay was down');
    expect(await unpublished()).toBe(1);

    const relay = new OutboxRelay(db, nc, { env });
    relay.start();
    await events.waitFor((es) => es.some((e) => e.id === envelope.id));
    await relay.stop();

    expect(await unpublished()).toBe(0);
    expect(events.events.filter((e) => e.id === envelope.id)).toHaveLength(1);
  });

  it('does not double an event when the relay dies after JetStream acknowledged it but before marking it', async () => {
    const before = await streamMessages();
    const envelope = await commitEvent('relay killed after publish');

    const dying = new OutboxRelay(db, nc, {
      env,
      afterPublish: () => {
        throw new Error('relay killed');
      },
    });
    await expect(dying.drain()).rejects.toThrow('relay killed');
    expect(await unpublished()).toBe(1);
    expect(await streamMessages()).toBe(before + 1);

    const next = new OutboxRelay(db, nc, { env });
    expect(await next.drain()).toBe(1);
    expect(await unpublished()).toBe(0);

    expect(await streamMessages()).toBe(before + 1);
    await events.waitFor((es) => es.some((e) => e.id === envelope.id));
    expect(events.events.filter((e) => e.id === envelope.id)).toHaveLength(1);
  });

  it('lets two relays share the work without publishing a row twice', async () => {
    const before = await streamMessages();
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push((await commitEvent(`event ${i}`)).id);
    const a = new OutboxRelay(db, nc, { env, batchSize: 5 });
    const b = new OutboxRelay(db, nc, { env, batchSize: 5 });
    const [na, nb] = await Promise.all([a.drain(), b.drain()]);
    expect(na + nb).toBe(40);
    expect(await streamMessages()).toBe(before + 40);
    await events.waitFor((es) => ids.every((id) => es.some((e) => e.id === id)));
  });
});

describe('outbox relay while NATS is down', () => {
  it('keeps committed events while NATS is away and publishes them once it is back', async () => {
    const urls = testUrls();
    const env = testEnvName();
    const storeDir = mkdtempSync(join(tmpdir(), 'concord-nats-'));
    const port = await freePort();
    const db = await openServiceDatabase(createRegistryDataSource(await createTestDatabase(urls.databaseUrl), 3));
    let nats = await startTestNatsServer({ port, storeDir });
    const nc = await connectNats({
      ...testNats('harness', nats.url),
      maxReconnectAttempts: -1,
      reconnectTimeWait: 100,
    });
    try {
      await ensureEventStream(nc, env);
      const relay = new OutboxRelay(db, nc, { env, pollMs: 100 });
      relay.start();

      await nats.stop();
      const envelope = await db.transaction((m) =>
        recordEvent(
          m,
          EVENTS.registry.creatorStatusChanged,
          actors.registrar,
          statusChanged('committed while NATS was down'),
        ),
      );
      await new Promise((r) => setTimeout(r, 1500));
      const [{ n: waiting }] = await db.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
      expect(waiting).toBe(1);

      nats = await startTestNatsServer({ port, storeDir });
      const deadline = Date.now() + 20_000;
      for (;;) {
        const [{ n }] = await db.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
        if (n === 0) break;
        if (Date.now() > deadline) throw new Error('the relay never caught up');
        await new Promise((r) => setTimeout(r, 100));
      }
      await relay.stop();
      const events = await new EventCollector(nc, env).start();
      await events.waitFor((es) => es.some((e) => e.id === envelope.id));
      expect(events.events.filter((e) => e.id === envelope.id)).toHaveLength(1);
      await events.stop();
    } finally {
      await nc.close();
      await nats.stop();
      await db.destroy();
      rmSync(storeDir, { recursive: true, force: true });
    }
  });
});
