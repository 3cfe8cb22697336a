import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { checkRetention, DUPLICATE_WINDOW_MS, messagingRetention, pruneExpired } from '@concord/messaging';
import { startTestRegistry, type TestRegistry } from '../test/registry.test-helpers';

const HOUR = 3_600_000;

/**
 * Processed commands and published outbox rows are pruned after their
 * retention, in small batches, by several instances side by side; what is
 * younger, and every unpublished event, stays.
 */
describe('pruning processed commands and published outbox rows', () => {
  let sys: TestRegistry;

  beforeAll(async () => {
    sys = await startTestRegistry();
  });
  afterAll(async () => sys.stop());

  it('deletes only what is past its retention, in batches, with two instances at once', async () => {
    const db = sys.db;
    await db.query(`
      INSERT INTO processed_commands (key, request_hash, reply, created_at)
      SELECT 'old:' || n, 'h', '{}'::jsonb, now() - interval '25 hours' FROM generate_series(1, 1234) n
      UNION ALL SELECT 'new:' || n, 'h', '{}'::jsonb, now() - interval '23 hours' FROM generate_series(1, 7) n`);
    await db.query(`
      INSERT INTO outbox (id, subject, envelope, created_at, published_at)
      SELECT gen_random_uuid(), 'x', '{}'::jsonb, now() - interval '9 days', now() - interval '8 days' FROM generate_series(1, 345) n
      UNION ALL SELECT gen_random_uuid(), 'unpublished', '{}'::jsonb, now() - interval '9 days', NULL FROM generate_series(1, 3) n
      UNION ALL SELECT gen_random_uuid(), 'recent', '{}'::jsonb, now() - interval '2 days', now() - interval '2 days' FROM generate_series(1, 4) n`);
    const before: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL OR published_at > now() - interval '7 days'`,
    );

    const kinds = messagingRetention({ commandRetentionMs: 24 * HOUR, outboxRetentionMs: 7 * 24 * HOUR });
    const [a, b] = await Promise.all([pruneExpired(db, kinds, 100), pruneExpired(db, kinds, 100)]);
    expect(a.processed_commands + b.processed_commands).toBe(1234);
    expect(a.outbox + b.outbox).toBe(345);

    const commands: { key: string }[] = await db.query(
      `SELECT key FROM processed_commands WHERE key LIKE 'old:%' OR key LIKE 'new:%'`,
    );
    expect(commands.map((c) => c.key).sort()).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `new:${n}`));
    const after: { n: number }[] = await db.query('SELECT count(*)::int AS n FROM outbox');
    expect(after[0].n).toBe(before[0].n);
    const [{ unpublished }] = await db.query(
      `SELECT count(*)::int AS unpublished FROM outbox WHERE subject = 'unpublished'`,
    );
    expect(unpublished).toBe(3);
  });

  it('refuses a retention within the JetStream duplicate window', () => {
    expect(() => checkRetention(DUPLICATE_WINDOW_MS, 'outbox')).toThrow(/duplicate window/);
    expect(checkRetention(HOUR, 'outbox')).toBe(HOUR);
  });
});
