import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  createServiceDataSource,
  freePort,
  startEmbeddedPostgres,
  writeLater,
  type RunningPostgres,
} from '@concord/database';
import { createEnvelope, DomainError, EVENTS, newId, type Actor } from '@concord/domain';
import { appendAuditRow, outboxCount } from './idempotent-command.test-helpers';
import { MESSAGING_DDL } from './messaging.ddl';
import { ProcessedCommand } from './processed-command.entity';
import { OutboxMessage } from './outbox.entity';
import { transactOnce, writeOnce } from './idempotent-command';
import { recordEvent } from './outbox';

const actor: Actor = { userId: 'registrar@mcst', orgId: 'mcst-ttcs', roles: ['registry_officer'] };

/** transactOnce and writeOnce on a real PostgreSQL: each command's effect once per key, its writes with it or not at all. */
describe('transactOnce', () => {
  let postgres: RunningPostgres;
  let db: DataSource;

  beforeAll(async () => {
    postgres = await startEmbeddedPostgres({
      dataDir: mkdtempSync(join(tmpdir(), 'concord-messaging-')),
      port: await freePort(),
      persistent: false,
      fast: true,
    });
    const setup = createServiceDataSource({
      url: postgres.url,
      schema: 'public',
      entities: [],
      migrations: [],
      applicationName: 'concord-messaging-test',
    });
    await setup.initialize();
    for (const ddl of MESSAGING_DDL) await setup.query(ddl);
    await setup.query('CREATE TABLE things (id serial PRIMARY KEY, name text NOT NULL UNIQUE)');
    await setup.query('CREATE TABLE notes (id serial PRIMARY KEY, note text NOT NULL)');
    await setup.destroy();
    db = createServiceDataSource({
      url: postgres.url,
      schema: 'public',
      entities: [ProcessedCommand, OutboxMessage],
      migrations: [],
      applicationName: 'concord-messaging-test',
      poolSize: 8,
    });
    await db.initialize();
  }, 120_000);
  afterAll(async () => {
    await db?.destroy();
    await postgres?.stop();
  });

  // Any event of the contract does: the outbox only keeps it with the command's other effects.
  const madeEvent = (id: unknown) =>
    ({ creatorId: newId(), from: 'prospect', to: 'vetted', reason: `made ${String(id)}` }) as const;
  const command = (key: string | undefined, name: string) =>
    createEnvelope('concord.test.thing.create', actor, { name }, { idempotencyKey: key });
  const create = (key: string | undefined, name: string, pause = 0) =>
    transactOnce(db, command(key, name), async (manager) => {
      const [row] = await manager.query('INSERT INTO things (name) VALUES ($1) RETURNING id', [name]);
      await appendAuditRow(manager, `made ${name}`);
      await recordEvent(manager, EVENTS.registry.creatorStatusChanged, actor, madeEvent(row.id));
      if (pause) await new Promise((r) => setTimeout(r, pause));
      return { id: row.id as number, name };
    });

  it('runs a command once for many concurrent attempts with one key, and answers them all alike', async () => {
    const outboxBefore = await outboxCount(db);
    const replies = await Promise.all(Array.from({ length: 6 }, () => create('key-race', 'race', 50)));
    expect(new Set(replies.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(await db.query("SELECT count(*)::int AS n FROM things WHERE name = 'race'")).toEqual([{ n: 1 }]);
    expect(await db.query("SELECT count(*)::int AS n FROM notes WHERE note = 'made race'")).toEqual([{ n: 1 }]);
    expect(await outboxCount(db)).toBe(outboxBefore + 1);
    const [record] = await db.query("SELECT reply FROM processed_commands WHERE key LIKE '%key-race'");
    expect(record.reply).toEqual(replies[0]);
  });

  it('fails, in tests, a command whose event does not match its contract, keeping nothing of it', async () => {
    const outboxBefore = await outboxCount(db);
    const failed = await transactOnce(db, command('key-bad-event', 'bad event'), async (manager) => {
      await manager.query('INSERT INTO things (name) VALUES ($1)', ['bad event']);
      await recordEvent(manager, EVENTS.registry.creatorStatusChanged, actor, {
        creatorId: 'x',
      } as unknown as ReturnType<typeof madeEvent>);
      return { ok: true };
    }).catch((e: unknown) => e);
    expect((failed as Error).message).toMatch(
      /^The event concord\.events\.registry\.creator\.status_changed does not match its contract: creatorId/,
    );
    expect(await db.query("SELECT count(*)::int AS n FROM things WHERE name = 'bad event'")).toEqual([{ n: 0 }]);
    expect(await outboxCount(db)).toBe(outboxBefore);
  });

  it('refuses the same key with another body, changing nothing', async () => {
    await create('key-reused', 'first');
    const error = await create('key-reused', 'second').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('idempotency.key_reused');
    expect(await db.query("SELECT count(*)::int AS n FROM things WHERE name = 'second'")).toEqual([{ n: 0 }]);
  });

  it('keeps nothing of a command that fails, its key included, so a retry runs it', async () => {
    await create(undefined, 'taken');
    const outboxBefore = await outboxCount(db);
    const failed = await create('key-retry', 'taken').catch((e: unknown) => e);
    expect((failed as { code?: string }).code).toBe('23505');
    expect(await db.query("SELECT count(*)::int AS n FROM processed_commands WHERE key LIKE '%key-retry'")).toEqual([
      { n: 0 },
    ]);
    expect(await outboxCount(db)).toBe(outboxBefore);
    await db.query("UPDATE things SET name = 'taken before' WHERE name = 'taken'");
    const retried = await create('key-retry', 'taken');
    expect(retried.name).toBe('taken');
    expect(await outboxCount(db)).toBe(outboxBefore + 1);
  });

  it('sends the audit row, the event and the reply as one statement at the end: a failure there rolls back the effect', async () => {
    const outboxBefore = await outboxCount(db);
    const failed = await transactOnce(db, command('key-late', 'late'), async (manager) => {
      await manager.query('INSERT INTO things (name) VALUES ($1)', ['late']);
      await recordEvent(manager, EVENTS.registry.creatorStatusChanged, actor, madeEvent(0));
      // An audit row that breaks a constraint: nothing of it is sent until the end, and then everything goes back.
      await appendAuditRow(manager, null);
      return { ok: true };
    }).catch((e: unknown) => e);
    expect((failed as { code?: string }).code).toBe('23502');
    expect(await db.query("SELECT count(*)::int AS n FROM things WHERE name = 'late'")).toEqual([{ n: 0 }]);
    expect(await outboxCount(db)).toBe(outboxBefore);
  });
  describe('writeOnce (an effect that only reads and defers its writes: one statement, no transaction block)', () => {
    /** Makes a thing named `name`, refusing a name already taken: the read and the writes of a registration. */
    const make = (key: string | undefined, name: string) =>
      writeOnce(db, command(key, name), async (manager) => {
        const [taken] = await manager.query('SELECT 1 FROM things WHERE name = $1', [name]);
        if (taken) throw new DomainError('creator.channel_taken', `${name} is taken`);
        await writeLater(manager, 'INSERT INTO things (name) VALUES ($1)', [name]);
        await appendAuditRow(manager, `made ${name}`);
        await recordEvent(manager, EVENTS.registry.creatorStatusChanged, actor, madeEvent(name));
        return { name, at: newId() };
      });

    it('runs a command once for many concurrent attempts with one key, and answers them all alike', async () => {
      const outboxBefore = await outboxCount(db);
      const replies = await Promise.all(Array.from({ length: 8 }, () => make('w-race', 'w race')));
      for (const reply of replies) expect(reply).toEqual(replies[0]);
      expect(await db.query("SELECT count(*)::int AS n FROM things WHERE name = 'w race'")).toEqual([{ n: 1 }]);
      expect(await db.query("SELECT count(*)::int AS n FROM notes WHERE note = 'made w race'")).toEqual([{ n: 1 }]);
      expect(await outboxCount(db)).toBe(outboxBefore + 1);
    });

    it('answers a repeated key with the stored reply, though the effect run again fails on what the first run did', async () => {
      const first = await make('w-again', 'w again');
      expect(await make('w-again', 'w again')).toEqual(first);
      const other = await make('w-other', 'w again').catch((e: unknown) => e);
      expect((other as DomainError).code).toBe('creator.channel_taken');
    });

    it('refuses the same key with another body, changing nothing', async () => {
      await make('w-reused', 'w first');
      const error = await make('w-reused', 'w second').catch((e: unknown) => e);
      expect((error as DomainError).code).toBe('idempotency.key_reused');
      expect(await db.query("SELECT count(*)::int AS n FROM things WHERE name = 'w second'")).toEqual([{ n: 0 }]);
    });

    it('keeps nothing of a command whose statement fails, its key included, so a retry runs it', async () => {
      const outboxBefore = await outboxCount(db);
      const failed = await writeOnce(db, command('w-late', 'w late'), async (manager) => {
        await writeLater(manager, 'INSERT INTO things (name) VALUES ($1)', ['w late']);
        await recordEvent(manager, EVENTS.registry.creatorStatusChanged, actor, madeEvent(0));
        await appendAuditRow(manager, null);
        return { ok: true };
      }).catch((e: unknown) => e);
      expect((failed as { code?: string }).code).toBe('23502');
      expect(await db.query("SELECT count(*)::int AS n FROM things WHERE name = 'w late'")).toEqual([{ n: 0 }]);
      expect(await db.query("SELECT count(*)::int AS n FROM processed_commands WHERE key LIKE '%w-late'")).toEqual([
        { n: 0 },
      ]);
      expect(await outboxCount(db)).toBe(outboxBefore);
      expect(await make('w-late', 'w late')).toMatchObject({ name: 'w late' });
    });
  });
});
