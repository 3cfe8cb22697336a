import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { createServiceDataSource, openServiceDatabase } from '@concord/database';
import {
  auditSigningKey,
  chainHash,
  type AuditSigningKey,
  entryDigest,
  GENESIS_HASH,
  linkHash,
  linkStatement,
  signStatement,
  type Actor,
  type AuditFacts,
  type SignedCheckpoint,
} from '@concord/domain';
import { withRequestId } from '@concord/messaging';
import { createTestDatabase, testUrls } from '@concord/testing';
import { AUDIT_LOG_DDL } from './audit-log.ddl';
import { AUDIT_REQUEST_ID_DDL, createAuditEvidenceTables } from './audit-evidence.ddl';
import { AuditCheckpointer, unanchoredSeconds } from './audit-checkpoints';
import { AuditSequencer } from './audit-sequencer';
import { appendAudit, listAudit } from './audit-trail';
import { exportTrail, verifyTrail } from './audit-verification';
import { parseExport, verifyExport } from './offline-verifier';

class LegacyAuditLog1700000000001 implements MigrationInterface {
  name = 'LegacyAuditLog1700000000001';
  async up(db: QueryRunner): Promise<void> {
    for (const statement of AUDIT_LOG_DDL) await db.query(statement);
  }
  async down(): Promise<void> {}
}

class AuditEvidence1700000000002 implements MigrationInterface {
  name = 'AuditEvidence1700000000002';
  async up(db: QueryRunner): Promise<void> {
    await createAuditEvidenceTables(db);
  }
  async down(): Promise<void> {}
}

class AuditRequestIds1700000000003 implements MigrationInterface {
  name = 'AuditRequestIds1700000000003';
  async up(db: QueryRunner): Promise<void> {
    for (const statement of AUDIT_REQUEST_ID_DDL) await db.query(statement);
  }
  async down(): Promise<void> {}
}

const SERVICE = 'registry';
const key = auditSigningKey(randomBytes(32).toString('base64'));
const mcst: Actor = { userId: 'registrar@mcst', orgId: 'mcst-ttcs', roles: ['registry_officer'] };
const mofa: Actor = { userId: 'liaison@mofa', orgId: 'mofa', roles: ['liaison'] };

/** A service's trail on real PostgreSQL: entries written in transactions, linked by the sequencer, a checkpoint signed and kept outside. */
class Trail {
  /** Copies of the published checkpoints, as an outside keeper (the gateway, an inspector) holds them. */
  readonly kept: SignedCheckpoint[] = [];
  sequencer!: AuditSequencer;
  checkpointer!: AuditCheckpointer;
  /** The keys the service has signed with, oldest first, as its verifiers are configured. */
  readonly keys: AuditSigningKey[] = [];

  constructor(
    readonly db: DataSource,
    readonly url = '',
  ) {
    this.signWith(key);
  }

  /** The service's sequencer and checkpointer from now on sign with `signer` (a key rotation when it is new). */
  signWith(signer: AuditSigningKey): void {
    this.keys.push(signer);
    this.sequencer = new AuditSequencer(this.db, SERVICE, signer);
    this.checkpointer = new AuditCheckpointer(
      this.db,
      SERVICE,
      signer,
      'concord.events.audit.registry.checkpointed',
      async (_m, _s, _a, data) => {
        this.kept.push(data as SignedCheckpoint);
      },
    );
  }

  static async open(schema: string, legacy: (db: DataSource) => Promise<void> = async () => undefined): Promise<Trail> {
    const url = await createTestDatabase(testUrls().databaseUrl);
    const first = createServiceDataSource({
      url,
      schema,
      applicationName: 'audit-tamper',
      entities: [],
      migrations: [LegacyAuditLog1700000000001],
      poolSize: 4,
    });
    await openServiceDatabase(first);
    await legacy(first);
    await first.destroy();
    const db = createServiceDataSource({
      url,
      schema,
      applicationName: 'audit-tamper',
      entities: [],
      migrations: [LegacyAuditLog1700000000001, AuditEvidence1700000000002, AuditRequestIds1700000000003],
      poolSize: 4,
    });
    return new Trail(await openServiceDatabase(db), url);
  }

  async write(n: number, actor = mcst): Promise<void> {
    for (let i = 0; i < n; i++) {
      await this.db.transaction((m) =>
        appendAudit(m, { actor, action: 'creator.registered', subject: `creator:${randomUUIDv7ish()}`, data: { i } }),
      );
    }
  }

  async seal(): Promise<void> {
    await this.sequencer.integrate();
    await this.checkpointer.checkpoint();
  }

  /** As the database superuser, with the insert-only triggers out of the way (what an attacker with the database would do). */
  async tamper(...statements: string[]): Promise<void> {
    const qr = this.db.createQueryRunner();
    try {
      await qr.query("SET session_replication_role = 'replica'");
      for (const s of statements) await qr.query(s);
    } finally {
      await qr.query("SET session_replication_role = 'origin'");
      await qr.release();
    }
  }

  verify() {
    return verifyTrail(this.db, { service: SERVICE, keys: this.keys.map((k) => k.publicKey), checkpoints: this.kept });
  }

  /** The agency's export, written out as NDJSON and read back, then checked offline with only the kept checkpoints and keys. */
  async verifyOffline(orgId = mcst.orgId) {
    const lines: string[] = [];
    for (let after = 0; ;) {
      const page = await exportTrail(this.db, { service: SERVICE, orgId, after, limit: 7 });
      lines.push(...page.links.map((l) => JSON.stringify(l)));
      if (page.next === null) break;
      after = page.next;
    }
    // As `GET /v1/public/audit/keys` publishes them.
    const keys = { [SERVICE]: this.keys.map((k) => k.publicKeyBase64) };
    const [verdict] = verifyExport(parseExport(lines.join('\n')), JSON.parse(JSON.stringify(this.kept)), keys);
    return verdict;
  }
}

function randomUUIDv7ish(): string {
  const h = randomBytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Rewrites links from `from` on (facts as they are now, numbering as it is now), with hashes recomputed but no key to sign them. */
async function relinkFrom(trail: Trail, from: number): Promise<void> {
  const rows: { seq: string; entry_id: string }[] = await trail.db.query(
    'SELECT seq, entry_id FROM audit_chain WHERE seq >= $1 ORDER BY seq',
    [from],
  );
  const [before] = await trail.db.query('SELECT hash FROM audit_chain WHERE seq = $1', [from - 1]);
  let prev: string = before?.hash ?? GENESIS_HASH;
  for (const row of rows) {
    const [e] = await trail.db.query(
      'SELECT id, at, actor_user_id, actor_org_id, action, subject, reason, data FROM audit_entries WHERE id = $1',
      [row.entry_id],
    );
    const facts: AuditFacts = {
      id: e.id,
      at: e.at.toISOString(),
      actorUserId: e.actor_user_id,
      actorOrgId: e.actor_org_id,
      action: e.action,
      subject: e.subject,
      reason: e.reason,
      data: e.data,
    };
    const digest = entryDigest(facts);
    const hash = linkHash(prev, digest);
    await trail.tamper(
      `UPDATE audit_chain SET digest = '${digest}', prev_hash = '${prev}', hash = '${hash}' WHERE seq = ${row.seq}`,
    );
    prev = hash;
  }
}

/**
 * Appends an entry and a link for it behind the sequencer's back: hash right, signature from a key that is not the
 * service's (or from `signer`: a key the service used once).
 */
async function appendForged(
  trail: Trail,
  hash: 'recomputed' | 'bad',
  signer = auditSigningKey(randomBytes(32).toString('base64')),
): Promise<void> {
  const [tail] = await trail.db.query('SELECT seq, hash FROM audit_chain ORDER BY seq DESC LIMIT 1');
  const facts: AuditFacts = {
    id: randomUUIDv7ish(),
    at: new Date().toISOString(),
    actorUserId: 'mallory@nowhere',
    actorOrgId: 'mcst-ttcs',
    action: 'creator.status_changed',
    subject: `creator:${randomUUIDv7ish()}`,
    reason: null,
    data: {},
  };
  const digest = entryDigest(facts);
  const good = linkHash(tail.hash, digest);
  const forgedHash = hash === 'recomputed' ? good : 'f'.repeat(64);
  const seq = Number(tail.seq) + 1;
  const signature = signStatement(signer.privateKey, linkStatement(SERVICE, seq, forgedHash));
  await trail.tamper(
    `INSERT INTO audit_entries (id, at, actor_user_id, actor_org_id, action, subject, reason, data) VALUES ('${facts.id}', '${facts.at}', '${facts.actorUserId}', '${facts.actorOrgId}', '${facts.action}', '${facts.subject}', NULL, '{}')`,
    `INSERT INTO audit_chain (seq, entry_id, entry_pos, digest, prev_hash, hash, signature) SELECT ${seq}, '${facts.id}', pos, '${digest}', '${tail.hash}', '${forgedHash}', '${signature}' FROM audit_entries WHERE id = '${facts.id}'`,
  );
}

const atSeq = (seq: number) => `(SELECT entry_id FROM audit_chain WHERE seq = ${seq})`;

describe('the audit trail on PostgreSQL: lock-free entries, a signing sequencer, checkpoints', () => {
  // Each test has a trail (a schema) of its own, so it runs alone or in any order.
  const opened: Trail[] = [];
  const open = async (schema: string) => {
    const trail = await Trail.open(schema);
    opened.push(trail);
    return trail;
  };
  afterAll(async () => {
    await Promise.all(opened.map((trail) => trail.db.destroy()));
  });

  it('lists entries at once, links them in order with signatures, and verifies online and offline', async () => {
    const trail = await open('trail_listed');
    await trail.write(3);
    const before = await listAudit(trail.db, { orgId: mcst.orgId, limit: 10 });
    expect(before.items).toHaveLength(3);
    expect(before.items.every((e) => e.seq === null && e.hash === null)).toBe(true);
    expect(await trail.verify()).toMatchObject({ valid: true, entries: 0, pending: 3 });

    await trail.seal();
    const after = await listAudit(trail.db, { orgId: mcst.orgId, limit: 10 });
    expect(after.items.map((e) => e.seq)).toEqual([3, 2, 1]);
    expect(trail.kept).toMatchObject([{ service: SERVICE, size: 3 }]);
    expect(await trail.verify()).toMatchObject({ valid: true, entries: 3, pending: 0, checkpoints: 1 });
    expect(await trail.verifyOffline()).toMatchObject({ valid: true, entries: 3, checkpoints: 1 });
  });

  it("keeps the request id beside an entry's facts: listed, and the links verify as before", async () => {
    const trail = await open('trail_request_ids');
    await withRequestId('mofa-2026:0042', () => trail.write(2));
    await trail.write(1);
    await trail.seal();
    const { items } = await listAudit(trail.db, { orgId: mcst.orgId, limit: 10 });
    expect(items.map((e) => e.requestId)).toEqual([null, 'mofa-2026:0042', 'mofa-2026:0042']);
    expect(await trail.verify()).toMatchObject({ valid: true, entries: 3 });
    expect(await trail.verifyOffline()).toMatchObject({ valid: true, entries: 3 });
  });

  it('links entries written at the same time by many transactions exactly once each, and only one sequencer runs at a time', async () => {
    const trail = await open('trail_concurrent');
    await Promise.all([
      trail.write(20),
      trail.write(20, mofa),
      trail.sequencer.integrate(),
      new AuditSequencer(trail.db, SERVICE, key).integrate(),
    ]);
    await Promise.all([trail.sequencer.integrate(), new AuditSequencer(trail.db, SERVICE, key).integrate()]);
    await trail.sequencer.integrate();
    const [counts] = await trail.db.query(
      'SELECT (SELECT count(*) FROM audit_entries)::int AS entries, (SELECT count(*) FROM audit_chain)::int AS links, (SELECT max(seq) FROM audit_chain)::int AS top',
    );
    expect(counts).toEqual({ entries: 40, links: 40, top: 40 });
    expect(await trail.verify()).toMatchObject({ valid: true, entries: 40, pending: 0 });
  });

  it('exports every link, with facts only for what the agency may see, and the offline check still holds', async () => {
    const trail = await open('trail_exported');
    await trail.write(23);
    await trail.write(20, mofa);
    await trail.seal();
    const page = await exportTrail(trail.db, { service: SERVICE, orgId: mofa.orgId, after: 0, limit: 100 });
    expect(page.links).toHaveLength(43);
    expect(page.links.filter((l) => l.facts).length).toBe(20);
    expect(page.links.filter((l) => l.facts).every((l) => l.facts!.actorOrgId === 'mofa')).toBe(true);
    expect(await trail.verifyOffline(mofa.orgId)).toMatchObject({ valid: true, entries: 43 });
  });
});

describe('entries waiting for a checkpoint (concord_audit_unanchored_seconds)', () => {
  it('are none in a quiet service however old its checkpoint, counted while queued or linked after it, none once covered', async () => {
    const trail = await Trail.open('unanchored');
    expect(await unanchoredSeconds(trail.db)).toBe(0);
    await trail.write(2);
    await trail.seal();
    expect(await unanchoredSeconds(trail.db)).toBe(0);
    // Written a minute ago and still queued for the sequencer …
    await trail.write(1);
    await trail.tamper(
      "UPDATE audit_entries SET at = now() - interval '60 seconds' WHERE pos = (SELECT max(pos) FROM audit_entries)",
    );
    expect(await unanchoredSeconds(trail.db)).toBeGreaterThanOrEqual(60);
    // … linked, but no checkpoint covers it yet …
    await trail.sequencer.integrate();
    expect(await unanchoredSeconds(trail.db)).toBeGreaterThanOrEqual(60);
    // … covered by the next checkpoint: nothing waits.
    await trail.checkpointer.checkpoint();
    expect(await unanchoredSeconds(trail.db)).toBe(0);
    await trail.db.destroy();
  });
});

describe('a rotated signing key', () => {
  it('verifies the links and checkpoints of the old key and the new, online and offline, and names a link the retired key signed after', async () => {
    const trail = await Trail.open('rotated');
    try {
      await trail.write(4);
      await trail.seal();
      trail.signWith(auditSigningKey(randomBytes(32).toString('base64')));
      await trail.write(3);
      await trail.seal();
      expect(trail.kept.map((c) => c.size)).toEqual([4, 7]);
      expect(await trail.verify()).toMatchObject({ valid: true, entries: 7, checkpoints: 2 });
      expect(await trail.verifyOffline()).toMatchObject({ valid: true, entries: 7, checkpoints: 2 });

      // Whoever kept the retired key appends an entry with it.
      await appendForged(trail, 'recomputed', key);
      const broken = { valid: false, brokenAt: 8, problem: { code: 'link.retired_key' } };
      expect(await trail.verify()).toMatchObject(broken);
      expect(await trail.verifyOffline()).toMatchObject(broken);
    } finally {
      await trail.db.destroy();
    }
  });
});

describe('entries whose transaction commits after later ones were linked', () => {
  it('are linked at the next run, not only at the next full sweep, and in commit order after the others', async () => {
    const trail = await Trail.open('late');
    // No full sweep after the first run for an hour: only the remembered gap can find the late entry.
    const sequencer = new AuditSequencer(trail.db, SERVICE, key, { sweepMs: 3_600_000 });
    const late = trail.db.createQueryRunner();
    try {
      await late.startTransaction();
      await appendAudit(late.manager, { actor: mofa, action: 'creator.registered', subject: 'creator:late', data: {} });
      await trail.write(2);
      expect(await sequencer.integrate()).toBe(2);
      await late.commitTransaction();

      expect(await sequencer.integrate()).toBe(1);
      const order: { subject: string }[] = await trail.db.query(
        'SELECT e.subject FROM audit_chain c JOIN audit_entries e ON e.id = c.entry_id ORDER BY c.seq',
      );
      expect(order.at(-1)).toEqual({ subject: 'creator:late' });
      await trail.checkpointer.checkpoint();
      expect(await trail.verify()).toMatchObject({ valid: true, entries: 3, pending: 0 });
      expect(await sequencer.integrate()).toBe(0);
    } finally {
      await late.release();
      await trail.db.destroy();
    }
  });
});

describe('tamper suite: every attack is named, online and offline, with where the chain broke', () => {
  let trail: Trail;
  let schemas = 0;

  /** 30 entries of one agency, linked, with a checkpoint of all 30 kept outside. */
  beforeEach(async () => {
    if (trail) await trail.db.destroy();
    trail = await Trail.open(`tamper_${++schemas}`);
    await trail.write(30);
    await trail.seal();
    expect(await trail.verify()).toMatchObject({ valid: true, entries: 30 });
  });
  afterAll(async () => trail?.db.destroy());

  const attacks: [string, () => Promise<void>, { seq: number; code: string }][] = [
    [
      'an entry updated',
      () => trail.tamper(`UPDATE audit_entries SET reason = 'nothing to see' WHERE id = ${atSeq(7)}`),
      { seq: 7, code: 'entry.changed' },
    ],
    [
      'an entry deleted, its link left',
      () => trail.tamper(`DELETE FROM audit_entries WHERE id = ${atSeq(9)}`),
      { seq: 9, code: 'entry.missing' },
    ],
    [
      'an entry and its link deleted in the middle',
      () => trail.tamper(`DELETE FROM audit_entries WHERE id = ${atSeq(12)}`, 'DELETE FROM audit_chain WHERE seq = 12'),
      { seq: 12, code: 'link.missing' },
    ],
    [
      'the last entry deleted',
      () => trail.tamper(`DELETE FROM audit_entries WHERE id = ${atSeq(30)}`, 'DELETE FROM audit_chain WHERE seq = 30'),
      { seq: 30, code: 'chain.truncated' },
    ],
    [
      'the last 10 entries deleted',
      () =>
        trail.tamper(
          'DELETE FROM audit_entries WHERE id IN (SELECT entry_id FROM audit_chain WHERE seq > 20)',
          'DELETE FROM audit_chain WHERE seq > 20',
        ),
      { seq: 21, code: 'chain.truncated' },
    ],
    [
      'two links reordered',
      () =>
        trail.tamper(
          'UPDATE audit_chain SET seq = -seq WHERE seq IN (5, 6)',
          'UPDATE audit_chain SET seq = CASE seq WHEN -5 THEN 6 ELSE 5 END WHERE seq IN (-5, -6)',
        ),
      { seq: 5, code: 'link.prev_hash' },
    ],
    ['an entry appended with a bad hash', () => appendForged(trail, 'bad'), { seq: 31, code: 'link.hash' }],
    [
      'an entry appended with a correctly recomputed hash',
      () => appendForged(trail, 'recomputed'),
      { seq: 31, code: 'link.signature' },
    ],
    [
      'the chain rewritten from a point',
      async () => {
        await trail.tamper(`UPDATE audit_entries SET data = '{"i": 999}' WHERE id = ${atSeq(15)}`);
        await relinkFrom(trail, 15);
      },
      { seq: 15, code: 'link.signature' },
    ],
    [
      'an entry deleted and the rest relinked',
      async () => {
        await trail.tamper(
          `DELETE FROM audit_entries WHERE id = ${atSeq(10)}`,
          'DELETE FROM audit_chain WHERE seq = 10',
          'UPDATE audit_chain SET seq = 1 - seq WHERE seq > 10',
          'UPDATE audit_chain SET seq = -seq WHERE seq < 0',
        );
        await relinkFrom(trail, 10);
      },
      { seq: 10, code: 'link.signature' },
    ],
    [
      'every audit table truncated',
      () => trail.tamper('TRUNCATE audit_entries, audit_chain, audit_checkpoints'),
      { seq: 1, code: 'chain.truncated' },
    ],
  ];

  it.each(attacks)('%s', async (_name, attack, where) => {
    await attack();
    const online = await trail.verify();
    expect(online).toMatchObject({ valid: false, brokenAt: where.seq, problem: where });
    const offline = await trail.verifyOffline();
    expect(offline).toMatchObject({ valid: false, brokenAt: where.seq, problem: where });
  });

  it('a sequencer that keeps running after a tail was cut does not hide it: the kept checkpoint disagrees', async () => {
    await trail.tamper(
      'DELETE FROM audit_entries WHERE id IN (SELECT entry_id FROM audit_chain WHERE seq > 25)',
      'DELETE FROM audit_chain WHERE seq > 25',
    );
    await trail.write(8);
    await trail.seal();
    expect(trail.kept.map((c) => c.size)).toEqual([30, 33]);
    expect(await trail.verify()).toMatchObject({
      valid: false,
      brokenAt: 30,
      problem: { code: 'checkpoint.disagrees' },
    });
    expect(await trail.verifyOffline()).toMatchObject({
      valid: false,
      brokenAt: 30,
      problem: { code: 'checkpoint.disagrees' },
    });
  });
});

describe("the service's database role: SELECT and INSERT on audit_* only", () => {
  it('is enough to write entries, run the sequencer and sign checkpoints; it cannot update, delete or truncate the trail', async () => {
    const owner = await Trail.open('roles');
    const role = `audit_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    await owner.db.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    await owner.db.query(`GRANT USAGE ON SCHEMA roles TO ${role}`);
    await owner.db.query(`GRANT SELECT, INSERT ON audit_entries, audit_chain, audit_checkpoints TO ${role}`);
    const url = new URL(owner.url);
    url.username = role;
    url.password = password;
    const asService = new Trail(
      await createServiceDataSource({
        url: url.toString(),
        schema: 'roles',
        applicationName: 'audit-role',
        entities: [],
        migrations: [],
        poolSize: 2,
      }).initialize(),
    );
    try {
      await asService.write(3);
      await asService.seal();
      expect(asService.kept).toMatchObject([{ size: 3 }]);
      expect(await asService.verify()).toMatchObject({ valid: true, entries: 3 });
      await expect(asService.db.query("UPDATE audit_entries SET reason = 'x'")).rejects.toThrow(/permission denied/);
      await expect(asService.db.query('DELETE FROM audit_chain')).rejects.toThrow(/permission denied/);
      await expect(asService.db.query('TRUNCATE audit_checkpoints')).rejects.toThrow(/permission denied/);
    } finally {
      await asService.db.destroy();
      await owner.db.destroy();
    }
  });
});

describe('moving an existing audit_log into the evidence tables', () => {
  it('keeps the old entries in order and records the old chain head in the signed chain', async () => {
    let legacyHead = GENESIS_HASH;
    const trail = await Trail.open('legacy', async (db) => {
      for (let seq = 1; seq <= 4; seq++) {
        const facts: AuditFacts = {
          id: randomUUIDv7ish(),
          at: `2026-0${seq}-01T08:00:00.000Z`,
          actorUserId: 'registrar@mcst',
          actorOrgId: 'mcst-ttcs',
          action: 'creator.registered',
          subject: `creator:${randomUUIDv7ish()}`,
          reason: null,
          data: { seq },
        };
        const hash = chainHash(legacyHead, facts);
        await db.query(
          'INSERT INTO audit_log (seq, id, at, actor_user_id, actor_org_id, action, subject, reason, data, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)',
          [
            seq,
            facts.id,
            facts.at,
            facts.actorUserId,
            facts.actorOrgId,
            facts.action,
            facts.subject,
            facts.reason,
            JSON.stringify(facts.data),
            legacyHead,
            hash,
          ],
        );
        legacyHead = hash;
      }
    });
    try {
      await trail.seal();
      expect(await trail.verify()).toMatchObject({ valid: true, entries: 5 });
      const rows: { action: string; data: { seq?: number; legacyEntries?: number; legacyHead?: string } }[] =
        await trail.db.query(
          'SELECT e.action, e.data FROM audit_chain c JOIN audit_entries e ON e.id = c.entry_id ORDER BY c.seq',
        );
      expect(rows.map((r) => r.data.seq ?? r.action)).toEqual([1, 2, 3, 4, 'audit.trail_migrated']);
      expect(rows[4].data).toEqual({ legacyEntries: 4, legacyHead });
    } finally {
      await trail.db.destroy();
    }
  });
});
