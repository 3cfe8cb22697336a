import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { connectServiceDatabase } from '@concord/database';
import { pruneExpired } from '@concord/messaging';
import { createServiceTestDatabase, testUrls } from '@concord/testing';
import { createGatewayDataSource } from '../database/gateway-data-source';
import { migrateGatewayDatabase } from '../database/migrate-gateway';
import { GatewayConfigSchema } from '../gateway.config';
import { idempotencyKeyRetention } from './idempotency-retention';

/**
 * The gateway's pruning rule for Idempotency-Keys on its own schema, as its
 * own role (what the gateway's prune job runs; the keys under faults, through
 * the running system, are e2e/api/idempotency.e2e.spec.ts).
 */
describe("the gateway's Idempotency-Key retention", () => {
  let gateway: DataSource;
  let db: pg.Client;

  beforeAll(async () => {
    const database = await createServiceTestDatabase(testUrls().databaseUrl);
    gateway = await connectServiceDatabase(
      createGatewayDataSource(await database.serviceUrl('gateway', migrateGatewayDatabase), 1),
    );
    db = new pg.Client({ connectionString: database.adminUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await gateway?.destroy();
  });

  it('prunes keys past their retention that were answered or whose request died, never one still held', async () => {
    await db.query(`
      INSERT INTO gateway.idempotency_keys (scope, fingerprint, state, locked_until, owner, response_status, response_body, created_at) VALUES
        ('prune:answered', 'f', 'completed', now() - interval '25 hours', NULL, 201, '{}', now() - interval '25 hours'),
        ('prune:died', 'f', 'in_progress', now() - interval '25 hours', 'gone:1', NULL, NULL, now() - interval '25 hours'),
        ('prune:held', 'f', 'in_progress', now() + interval '5 seconds', 'alive:1', NULL, NULL, now() - interval '25 hours'),
        ('prune:recent', 'f', 'completed', now() - interval '1 hour', NULL, 201, '{}', now() - interval '1 hour')`);
    // The default retention (24 hours), as the gateway's prune job reads it from its configuration.
    const hours = GatewayConfigSchema.shape.IDEMPOTENCY_RETENTION_HOURS.parse(undefined);
    await pruneExpired(gateway, idempotencyKeyRetention(hours * 3_600_000));
    const { rows } = await db.query(
      `SELECT scope FROM gateway.idempotency_keys WHERE scope LIKE 'prune:%' ORDER BY scope`,
    );
    expect(rows.map((r) => r.scope)).toEqual(['prune:held', 'prune:recent']);
  });
});
