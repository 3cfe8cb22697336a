import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { devToken } from '@concord/client';
import { DEV_USERS } from '@concord/gateway';
import { changedTables, DatabaseFingerprint, sameFingerprint } from '../support/fuzz/database-fingerprint';
import { requestsFor, type FuzzRequest, type OpenApiDocument } from '../support/fuzz/openapi-requests';
import { repoRoot } from '../support/paths';
import { startTestSystem, type TestSystem } from '../support/system';

/**
 * Requests generated from the committed OpenAPI document — every operation,
 * as every seeded user and a creator, mostly valid values with one hostile
 * value in one place (NUL, lone surrogates, huge integers, reversed periods,
 * offsets, unknown query parameters, wrong types, unknown ids) — against the
 * whole system. No answer is a 5xx; every 4xx is problem+json with a code
 * (validation with field paths); a refused write changes nothing.
 *
 * FUZZ_REQUESTS (default 10,000 in all) and FUZZ_SEED reproduce or widen a run.
 */
const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
/** Of the total, refused writes checked against the database fingerprint, in small batches. */
const CHECKED_WRITES = Math.round(TOTAL * 0.15);
const CONCURRENCY = 16;
const WRITE_BATCH = 8;

const doc = JSON.parse(readFileSync(join(repoRoot, 'apps/gateway/openapi.json'), 'utf8')) as OpenApiDocument;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Answer {
  request: FuzzRequest;
  status: number;
  problem: string | null;
}

describe(`the API under requests generated from its OpenAPI document (seed ${SEED})`, () => {
  let sys: TestSystem;
  let tokens: string[];
  let fingerprint: DatabaseFingerprint;
  const ids: string[] = [];
  const byKind: Record<string, string[]> = {};

  beforeAll(async () => {
    // What is fuzzed is the answer to input, not latency: on two cores shared with other suites a
    // well-formed request can take longer than the usual 3 s, and a 503 for that would hide nothing
    // this test looks for (stalls.e2e.spec.ts is where timeouts are the subject).
    sys = await startTestSystem({ RPC_TIMEOUT_MS: '30000' });
    const staff = await Promise.all(DEV_USERS.map((u) => devToken(sys.baseUrl, u.username)));
    const [registrar, manager, mofa, finance] = ['registrar@mcst', 'manager@mcst', 'liaison@mofa', 'finance@mcst'].map(
      (u) => staff[DEV_USERS.findIndex((d) => d.username === u)],
    );
    /** POSTs and keeps the id of what it made under `kind`. */
    const post = async (token: string, path: string, body: unknown, kind?: string): Promise<string | undefined> => {
      const r = await fetch(`${sys.baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const made = r.ok ? ((await r.json()) as { id?: string; milestones?: { id: string }[] }) : undefined;
      const id = kind === 'milestones' ? made?.milestones?.at(-1)?.id : made?.id;
      if (id && kind) {
        ids.push(id);
        (byKind[kind] ??= []).push(id);
      }
      return id;
    };
    // A few objects of each kind, so generated ids reach past "not found".
    const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const day = (days: number) => soon(days).slice(0, 10);
    const creatorId = await post(
      registrar,
      '/v1/creators',
      {
        kind: 'individual',
        displayName: 'Fuzz Nguyễn',
        channels: [
          {
            platform: 'tiktok',
            handle: 'fuzz_creator',
            url: 'https://www.tiktok.com/@fuzz_creator',
            followers: 1000,
            verified: true,
          },
        ],
        topics: ['tourism'],
        languages: ['vi'],
        regions: ['VN-HN'],
      },
      'creators',
    );
    const campaignId = await post(
      manager,
      '/v1/campaigns',
      {
        title: 'Fuzz campaign',
        objective: 'x',
        keyMessages: ['Việt Nam'],
        platforms: ['tiktok'],
        period: { start: day(0), end: day(60) },
        budget: 1000,
      },
      'campaigns',
    );
    if (campaignId) {
      await post(manager, `/v1/campaigns/${campaignId}/activate`, {});
      await post(
        manager,
        `/v1/campaigns/${campaignId}/briefs`,
        {
          kind: 'post',
          title: 'Fuzz brief',
          keyMessages: ['Việt Nam'],
          platforms: ['tiktok'],
          languages: ['vi'],
          dueAt: soon(20),
          quantity: 1,
          feePerDeliverable: 0,
        },
        'briefs',
      );
    }
    await post(
      mofa,
      '/v1/campaign-requests',
      {
        title: 'Fuzz request',
        objective: 'x',
        keyMessages: ['x'],
        proposedPeriod: { start: day(10), end: day(40) },
        expectedDeliverables: 'x',
        responseDeadline: soon(5),
      },
      'campaign-requests',
    );
    await post(
      mofa,
      '/v1/tasks',
      { toAgencyId: 'mcst-ttcs', title: 'Fuzz task', description: 'x', dueAt: soon(5) },
      'tasks',
    );
    if (creatorId) {
      const agreementId = await post(
        manager,
        '/v1/agreements',
        {
          kind: 'memorandum',
          counterpartyId: creatorId,
          title: 'Fuzz agreement',
          scope: 'x',
          term: { start: day(0), end: day(200) },
          budget: 1000,
          disclosureLabel: '#HopTac',
        },
        'agreements',
      );
      if (agreementId)
        await post(
          finance,
          `/v1/agreements/${agreementId}/milestones`,
          { label: 'First', dueDate: day(30), amount: 500 },
          'milestones',
        );
    }
    const creator = await devToken(sys.baseUrl, 'creator@fuzz_creator').catch(() => null);
    tokens = [...staff, ...(creator ? [creator] : [])];
    fingerprint = await DatabaseFingerprint.open(sys.databaseUrl);
  }, 120_000);

  afterAll(async () => {
    await fingerprint?.close();
    await sys?.stop();
  });

  async function send(request: FuzzRequest): Promise<Answer> {
    const hasBody = request.body !== undefined && request.method !== 'GET';
    const response = await fetch(`${sys.baseUrl}${request.url}`, {
      method: request.method,
      headers: {
        authorization: `Bearer ${tokens[request.user]}`,
        ...(hasBody ? { 'content-type': 'application/json' } : {}),
      },
      body: hasBody ? JSON.stringify(request.body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let problem: string | null = null;
    if (response.status >= 400) {
      const type = response.headers.get('content-type') ?? '';
      let parsed: { code?: unknown; errors?: { path?: unknown }[] } = {};
      try {
        parsed = JSON.parse(text);
      } catch {
        // reported below
      }
      if (!type.startsWith('application/problem+json')) problem = `content-type ${type}`;
      else if (typeof parsed.code !== 'string') problem = 'no code';
      else if (
        parsed.code === 'validation.failed' &&
        !(
          Array.isArray(parsed.errors) &&
          parsed.errors.length > 0 &&
          parsed.errors.every((e) => typeof e.path === 'string')
        )
      ) {
        problem = 'validation.failed without errors[] with field paths';
      }
      if (response.status >= 500) problem = `${response.status} ${text.slice(0, 300)}`;
    }
    return { request, status: response.status, problem };
  }

  const describeRequest = (a: Answer) =>
    `${a.status} ${a.problem} ← ${a.request.method} ${a.request.url} as ${a.request.user < DEV_USERS.length ? DEV_USERS[a.request.user].username : 'creator'} (${a.request.hostile ?? 'valid'}) ${JSON.stringify(a.request.body)?.slice(0, 500) ?? ''}`;

  it('answers every generated request without a 5xx, every 4xx as problem+json with a code, and a refused write changes nothing', async () => {
    const all = fc.sample(
      requestsFor(doc, {
        ids: ids.length ? ids : ['01900000-0000-7000-8000-000000000001'],
        byKind,
        users: tokens.length,
      }),
      { numRuns: TOTAL, seed: SEED },
    );
    const checked = all.filter((r) => r.hostile && WRITES.has(r.method)).slice(0, CHECKED_WRITES);
    const checkedSet = new Set(checked);
    const free = all.filter((r) => !checkedSet.has(r));
    const bad: Answer[] = [];
    const seen = new Map<string, number>();
    const answers: Answer[] = [];
    let comparisons = 0;
    const note = (a: Answer) => {
      answers.push(a);
      seen.set(a.request.operation, (seen.get(a.request.operation) ?? 0) + 1);
      if (a.problem) bad.push(a);
    };

    // Everything else, concurrently.
    const freeStart = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < free.length) note(await send(free[next++]));
      }),
    );

    // Hostile writes in small batches on a settled system: a batch refused in full leaves every table as it was.
    const freeMs = Date.now() - freeStart;
    const checkedStart = Date.now();
    const unchanged: string[] = [];
    let before = await fingerprint.settled();
    for (let i = 0; i < checked.length; i += WRITE_BATCH) {
      const batch = await Promise.all(checked.slice(i, i + WRITE_BATCH).map(send));
      batch.forEach(note);
      if (batch.every((a) => a.status >= 400)) {
        comparisons++;
        const after = await fingerprint.take();
        if (!sameFingerprint(before, after)) {
          unchanged.push(`${changedTables(before, after).join('; ')} after ${batch.map(describeRequest).join(' | ')}`);
        }
        before = after;
      } else {
        before = await fingerprint.settled();
      }
    }

    if (process.env.FUZZ_VERBOSE) {
      const byStatus: Record<number, number> = {};
      for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
      console.info(
        `seed ${SEED}: ${answers.length} requests, by status ${JSON.stringify(byStatus)}; ${comparisons} refused write batches compared; all free ones in ${freeMs} ms, checked writes in ${Date.now() - checkedStart} ms`,
      );
    }
    const missing = Object.entries(doc.paths)
      .flatMap(([p, ms]) => Object.keys(ms).map((m) => `${m.toUpperCase()} ${p}`))
      .filter((op) => !seen.has(op));
    expect(missing).toEqual([]);
    expect(all.length).toBeGreaterThanOrEqual(TOTAL);
    expect(bad.slice(0, 20).map(describeRequest)).toEqual([]);
    expect(unchanged.slice(0, 5)).toEqual([]);
  }, 600_000);
});
