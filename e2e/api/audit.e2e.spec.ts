import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { ConcordClient } from '@concord/client';
import { auditPublicKey, checkpointSigned, type SignedCheckpoint } from '@concord/domain';
import { parseCheckpoints, parseExport, parseKeys, verifyExport } from '@concord/audit';
import { registration, startTestSystem, type TestSystem } from '../support/system';

/** A system whose registry holds three registrations, linked and checkpointed, and the people who look at it. */
async function threeRegistrations() {
  const sys = await startTestSystem();
  const [registrar, auditor] = await Promise.all(['registrar@mcst', 'auditor@mcst'].map((u) => sys.as(u)));
  for (const name of ['Lê Văn Tám', 'Đỗ Thị Hà', 'Vũ Minh Khôi']) {
    expect((await registrar.POST('/v1/creators', { body: registration(name) })).response.status).toBe(201);
  }
  await sys.settleAudit();
  return { sys, registrar, auditor };
}

/** What an outside inspector does: download the agency's export, the public checkpoints and keys, and check them offline. */
async function inspectOffline(sys: TestSystem, auditor: ConcordClient) {
  const exported = await auditor.GET('/v1/audit/export', { parseAs: 'text' });
  expect(exported.response.status).toBe(200);
  expect(exported.response.headers.get('content-type')).toContain('application/x-ndjson');
  const checkpoints = await (await fetch(`${sys.baseUrl}/v1/public/audit/checkpoints`)).json();
  const keys = await (await fetch(`${sys.baseUrl}/v1/public/audit/keys`)).json();
  // An export with no link at all (every trail empty) has an empty body.
  return verifyExport(parseExport(exported.data ?? ''), parseCheckpoints(checkpoints), parseKeys(keys));
}

describe('the audit trail as evidence: signed checkpoints kept by the gateway, verify against them', () => {
  let sys: TestSystem;
  let registrar: ConcordClient;
  let auditor: ConcordClient;

  beforeAll(async () => {
    ({ sys, registrar, auditor } = await threeRegistrations());
  });
  afterAll(async () => {
    await sys.stop();
  });

  it('publishes each service checkpoint, signed by its key, at a public endpoint with the public keys', async () => {
    const keys = (await (await fetch(`${sys.baseUrl}/v1/public/audit/keys`)).json()) as Record<string, string[]>;
    expect(keys).toEqual(Object.fromEntries(Object.entries(sys.auditKeys).map(([s, k]) => [s, [k.publicKeyBase64]])));
    const answer = await fetch(`${sys.baseUrl}/v1/public/audit/checkpoints?service=registry`);
    expect(answer.status).toBe(200);
    const { checkpoints } = (await answer.json()) as { checkpoints: SignedCheckpoint[] };
    const latest = checkpoints.at(-1)!;
    expect(latest).toMatchObject({ service: 'registry', size: 3 });
    expect(checkpointSigned(auditPublicKey(keys.registry![0]!), latest)).toBe(true);
    expect(checkpointSigned(auditPublicKey(keys.agreements![0]!), latest)).toBe(false);

    const { data: verdict } = await auditor.GET('/v1/audit/verify');
    expect(verdict).toMatchObject({
      valid: true,
      services: { registry: { valid: true, entries: 3, pending: 0, checkpoints: 1 } },
    });
  });

  it("exports the agency's trail as NDJSON that an inspector checks offline against the public checkpoints and keys", async () => {
    const verdicts = await inspectOffline(sys, auditor);
    expect(verdicts.map((v) => [v.service, v.valid])).toEqual([
      ['agreements', true],
      ['approvals', true],
      ['registry', true],
      ['tasking', true],
    ]);
    expect(verdicts.find((v) => v.service === 'registry')).toMatchObject({ entries: 3, checkpoints: 1 });
    const refused = await registrar.GET('/v1/audit/export', { parseAs: 'text' });
    expect(refused.response.status).toBe(403);
  });
});

// Destructive, so on a system of its own.
describe('a truncated trail', () => {
  let sys: TestSystem;
  let auditor: ConcordClient;
  let superuser: pg.Client;

  beforeAll(async () => {
    ({ sys, auditor } = await threeRegistrations());
    superuser = new pg.Client({ connectionString: sys.databaseUrl });
    await superuser.connect();
  });
  afterAll(async () => {
    await superuser.end();
    await sys.stop();
  });

  it('is still named: the checkpoints live outside the service schema', async () => {
    await superuser.query('SET search_path = registry');
    for (const t of ['audit_entries', 'audit_chain', 'audit_checkpoints']) {
      await superuser.query(`ALTER TABLE ${t} DISABLE TRIGGER ${t}_no_truncate`);
    }
    await superuser.query('TRUNCATE audit_entries, audit_chain, audit_checkpoints');
    const { data: verdict } = await auditor.GET('/v1/audit/verify');
    expect(verdict).toMatchObject({
      valid: false,
      services: {
        registry: { valid: false, entries: 0, brokenAt: 1, problem: { code: 'chain.truncated' } },
        agreements: { valid: true },
      },
    });
    const offline = await inspectOffline(sys, auditor);
    expect(offline.find((v) => v.service === 'registry')).toMatchObject({
      valid: false,
      brokenAt: 1,
      problem: { code: 'chain.truncated' },
    });
  });
});
