import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError, EVENTS, SUBJECTS, type Actor, type RequestOf } from '@concord/domain';
import { EventCollector, outsideContract, rejection as rejectionOf } from '@concord/testing';
import { actors, registration, startTestRegistry, type TestRegistry } from '../test/registry.test-helpers';
import { AuditEvidence } from '@concord/audit';

const S = SUBJECTS.registry;

const rejection = (promise: Promise<unknown>) => rejectionOf<DomainError>(promise);

describe('registry service over NATS, on PostgreSQL', () => {
  let r: TestRegistry;
  let events: EventCollector;

  beforeAll(async () => {
    r = await startTestRegistry();
    events = await new EventCollector(r.nc, r.config.CONCORD_ENV).start();
  });
  afterAll(async () => {
    await events.stop();
    await r.stop();
  });

  it('registers a creator, stores personal data encrypted, audits it and publishes creator.registered', async () => {
    const input = registration();
    const created = await r.client.request(S.creatorCreate, { input }, actors.registrar);
    expect(created).toMatchObject({
      displayName: 'Nguyễn Thị Hồng Nhung',
      status: 'prospect',
      version: 1,
      hasPersonalData: true,
    });
    expect(created.channels[0]).toMatchObject({ platform: 'tiktok', followers: 120000, verified: true });

    const [row] = await r.db.query('SELECT personal_data_enc FROM creators WHERE id = $1', [created.id]);
    expect(row.personal_data_enc).toMatch(/^v1:/);
    expect(row.personal_data_enc).not.toContain('001199012345');

    const [audit] = await r.db.query(
      'SELECT action, actor_user_id, actor_org_id FROM audit_entries WHERE subject = $1',
      [`creator:${created.id}`],
    );
    expect(audit).toEqual({ action: 'creator.registered', actor_user_id: 'registrar@mcst', actor_org_id: 'mcst-ttcs' });

    const registered = (e: { type: string; data: unknown }) =>
      e.type.endsWith('creator.registered') && (e.data as { creator: { id: string } }).creator.id === created.id;
    const event = (await events.waitFor((es) => es.some(registered))).find(registered)!;
    expect(event.subject).toBe(`concord.${r.config.CONCORD_ENV}.events.registry.creator.registered`);
    expect(event.actor).toMatchObject({ userId: 'registrar@mcst', orgId: 'mcst-ttcs' });
    expect(JSON.stringify(event)).not.toContain('001199012345');
  });

  it('registers a channel once when several registrations race for it, and tells every other one who won', async () => {
    const handle = `race_${Date.now().toString(36)}`;
    const attempts = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        r.client.request(
          S.creatorCreate,
          {
            input: registration({
              displayName: `Racer ${i}`,
              channels: [
                {
                  platform: 'youtube',
                  handle,
                  url: `https://www.youtube.com/@${handle}`,
                  followers: 10 + i,
                  verified: false,
                },
              ],
            }),
          },
          actors.registrar,
        ),
      ),
    );
    const won = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    expect(won).toHaveLength(1);
    const lost = attempts.flatMap((a) => (a.status === 'rejected' ? [a.reason as DomainError] : []));
    expect(lost.map((e) => [e.code, e.extensions?.existingCreatorId])).toEqual(
      Array(5).fill(['creator.channel_taken', won[0].id]),
    );
    const [{ count }] = await r.db.query(
      "SELECT count(*)::int AS count FROM creators WHERE display_name LIKE 'Racer %'",
    );
    expect(count).toBe(1);
  });

  it('refuses a channel that is already registered, case-insensitively and with a leading @, naming the owner', async () => {
    const first = await r.client.request(S.creatorCreate, { input: registration() }, actors.registrar);
    const handle = first.channels[0].handle;
    const error = await rejection(
      r.client.request(
        S.creatorCreate,
        {
          input: registration({
            displayName: 'Someone Else',
            channels: [
              {
                platform: 'tiktok',
                handle: `@${handle.toUpperCase()}`,
                url: 'https://www.tiktok.com/@x',
                followers: 5,
                verified: false,
              },
            ],
          }),
        },
        actors.registrar,
      ),
    );
    expect(error.code).toBe('creator.channel_taken');
    expect(error.extensions).toMatchObject({ existingCreatorId: first.id });
    expect(error.errors[0].path).toBe('channels.0.handle');
    const [{ count }] = await r.db.query(
      "SELECT count(*)::int AS count FROM creators WHERE display_name = 'Someone Else'",
    );
    expect(count).toBe(0);
  });

  it('requires consent with personal data and rejects bad input with field paths, changing nothing', async () => {
    const before = await r.db.query('SELECT count(*)::int AS n FROM creators');
    const noConsent = await rejection(
      r.client.request(S.creatorCreate, { input: registration({ consent: null }) }, actors.registrar),
    );
    expect(noConsent.code).toBe('creator.consent_required');
    expect(noConsent.errors.map((e) => e.path)).toEqual(['consent']);
    const bad = await rejection(
      r.client.request(
        S.creatorCreate,
        {
          input: registration({
            languages: ['vi', 'english'],
            channels: outsideContract([{ platform: 'myspace', handle: 'a', url: 'x', followers: -1 }]),
          }),
        },
        actors.registrar,
      ),
    );
    expect(bad.code).toBe('validation.failed');
    expect(bad.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['input.languages.1', 'input.channels.0.platform', 'input.channels.0.followers']),
    );
    const after = await r.db.query('SELECT count(*)::int AS n FROM creators');
    expect(after).toEqual(before);
  });

  it('moves status only as the machine allows, with a reason, and publishes status_changed', async () => {
    const c = await r.client.request(S.creatorCreate, { input: registration() }, actors.registrar);
    const forbidden = await rejection(
      r.client.request(
        S.creatorChangeStatus,
        { id: c.id, input: { to: 'active', reason: 'skip vetting' } },
        actors.registrar,
      ),
    );
    expect(forbidden.code).toBe('creator.status_transition_forbidden');
    expect(forbidden.extensions).toMatchObject({ from: 'prospect', allowed: ['vetted', 'offboarded'] });
    await r.client.request(
      S.creatorAddVetting,
      { id: c.id, input: { outcome: 'passed', notes: 'Identity and past content checked' } },
      actors.registrar,
    );
    const vetted = await r.client.request(
      S.creatorChangeStatus,
      { id: c.id, input: { to: 'vetted', reason: 'vetting passed' } },
      actors.registrar,
    );
    expect(vetted).toMatchObject({ status: 'vetted', version: 3 });
    expect(vetted.statusHistory.at(-1)).toMatchObject({
      from: 'prospect',
      to: 'vetted',
      reason: 'vetting passed',
      by: 'registrar@mcst',
    });
    await events.waitFor((es) =>
      es.some((e) => e.type.endsWith('status_changed') && (e.data as { creatorId: string }).creatorId === c.id),
    );
  });

  it('sets vetted only on a passed or conditional vetting result; the legal officer may override, with a reason kept in the history and the trail', async () => {
    const c = await r.client.request(S.creatorCreate, { input: registration() }, actors.registrar);
    type StatusChange = RequestOf<typeof S.creatorChangeStatus>['input'];
    const changeStatus = (input: StatusChange, actor: Actor) =>
      r.client.request(S.creatorChangeStatus, { id: c.id, input }, actor);
    const none = await rejection(changeStatus({ to: 'vetted', reason: 'looks fine' }, actors.registrar));
    expect(none).toMatchObject({
      code: 'creator.vetting_required',
      errors: [expect.objectContaining({ path: 'to', code: 'vetting_required' })],
      extensions: { latestOutcome: null },
    });
    await r.client.request(
      S.creatorAddVetting,
      { id: c.id, input: { outcome: 'failed', notes: 'Undisclosed sponsorships in 2025' } },
      actors.registrar,
    );
    const failed = await rejection(changeStatus({ to: 'vetted', reason: 'looks fine' }, actors.registrar));
    expect(failed).toMatchObject({ code: 'creator.vetting_required', extensions: { latestOutcome: 'failed' } });
    // The registrar may not override; the legal officer may, but not without a reason, and not to any other status.
    expect(
      (await rejection(changeStatus({ to: 'vetted', reason: 'override', override: true }, actors.registrar))).code,
    ).toBe('auth.forbidden');
    expect((await rejection(changeStatus({ to: 'vetted', reason: ' ', override: true }, actors.legal))).errors).toEqual(
      [expect.objectContaining({ path: 'input.reason' })],
    );
    expect(
      (await rejection(changeStatus({ to: 'offboarded', reason: 'gone', override: true }, actors.legal))).errors,
    ).toEqual([expect.objectContaining({ path: 'override' })]);
    expect((await r.db.query('SELECT status, version FROM creators WHERE id = $1', [c.id]))[0]).toEqual({
      status: 'prospect',
      version: 2,
    });

    const overridden = await changeStatus(
      {
        to: 'vetted',
        reason: 'The 2025 sponsorships were disclosed after the fact; the ministry accepts the risk',
        override: true,
      },
      actors.legal,
    );
    expect(overridden.statusHistory.at(-1)).toMatchObject({
      from: 'prospect',
      to: 'vetted',
      by: 'legal@mcst',
      override: true,
      reason: expect.stringContaining('accepts the risk'),
    });
    const trail = await r.client.request(S.auditList, { query: { subject: `creator:${c.id}` } }, actors.auditor);
    expect(trail.items[0]).toMatchObject({
      action: 'creator.vetting_overridden',
      reason: expect.stringContaining('accepts the risk'),
    });
  });

  it('refuses a stale expected version and keeps the newer data', async () => {
    const c = await r.client.request(S.creatorCreate, { input: registration() }, actors.registrar);
    await r.client.request(
      S.creatorUpdate,
      { id: c.id, expectedVersion: 1, changes: { topics: ['culture'] } },
      actors.registrar,
    );
    const stale = await rejection(
      r.client.request(
        S.creatorUpdate,
        { id: c.id, expectedVersion: 1, changes: { topics: ['history'] } },
        actors.registrar,
      ),
    );
    expect(stale.code).toBe('version.mismatch');
    const now = await r.client.request(S.creatorGet, { id: c.id }, actors.reviewer);
    expect(now.topics).toEqual(['culture']);
    expect(now.version).toBe(2);
  });

  it('shows partner agencies only active creators, without vetting or incidents, and hides the rest as not found', async () => {
    const c = await r.client.request(S.creatorCreate, { input: registration() }, actors.registrar);
    const hidden = await rejection(r.client.request(S.creatorGet, { id: c.id }, actors.mofaLiaison));
    expect(hidden.code).toBe('not_found');
    await r.client.request(
      S.creatorAddIncident,
      {
        id: c.id,
        input: { occurredAt: '2026-02-01T00:00:00Z', severity: 'low', description: 'late disclosure label' },
      },
      actors.registrar,
    );
    await r.client.request(
      S.creatorAddVetting,
      { id: c.id, input: { outcome: 'conditional', notes: 'Disclosure labels to be watched' } },
      actors.registrar,
    );
    await r.client.request(
      S.creatorChangeStatus,
      { id: c.id, input: { to: 'vetted', reason: 'ok' } },
      actors.registrar,
    );
    await r.client.request(
      S.creatorChangeStatus,
      { id: c.id, input: { to: 'active', reason: 'agreement signed' } },
      actors.registrar,
    );
    const seen = await r.client.request(S.creatorGet, { id: c.id }, actors.mofaLiaison);
    expect(seen.status).toBe('active');
    expect(seen.incidents).toBeUndefined();
    expect(seen.vetting).toBeUndefined();
    const lead = await r.client.request(S.creatorGet, { id: c.id }, actors.reviewer);
    expect(lead.incidents).toHaveLength(1);
    const denied = await rejection(
      r.client.request(
        S.creatorUpdate,
        { id: c.id, expectedVersion: 4, changes: { topics: ['culture'] } },
        actors.mofaLiaison,
      ),
    );
    expect(denied.code).toBe('auth.forbidden');
  });

  it('reads personal data only for registry roles, with a reason that lands in the audit trail', async () => {
    const c = await r.client.request(S.creatorCreate, { input: registration() }, actors.registrar);
    const pd = await r.client.request(
      S.creatorReadPersonalData,
      { id: c.id, reason: 'verify identity for agreement' },
      actors.registrar,
    );
    expect(pd).toEqual({
      legalName: 'Nguyễn Thị Hồng Nhung',
      nationalId: '001199012345',
      phone: '+84912345678',
      email: 'nhung@example.vn',
    });
    const refused = await rejection(
      r.client.request(S.creatorReadPersonalData, { id: c.id, reason: 'curious' }, actors.reviewer),
    );
    expect(refused.code).toBe('auth.forbidden');
    const trail = await r.client.request(S.auditList, { query: { subject: `creator:${c.id}` } }, actors.auditor);
    expect(trail.items.map((i) => i.action)).toEqual(['creator.personal_data_read', 'creator.registered']);
    expect(trail.items[0].reason).toBe('verify identity for agreement');
  });

  it('finds creators by misspelled or unaccented names and by filters, page by page', async () => {
    const linh = await r.client.request(
      S.creatorCreate,
      {
        input: registration({
          displayName: 'Quang Linh Vlogs',
          topics: ['culture', 'tourism'],
          languages: ['vi', 'pt'],
        }),
      },
      actors.registrar,
    );
    for (const q of ['quang linh', 'Quang Lihn', 'quanglinh']) {
      const page = await r.client.request(S.creatorList, { query: { q } }, actors.reviewer);
      expect(page.items.map((i) => i.id)).toContain(linh.id);
    }
    const acrossSpace = await r.client.request(S.creatorList, { query: { q: 'Quan gLinh Vlogs' } }, actors.reviewer);
    expect(acrossSpace.items.map((i) => i.id)).toContain(linh.id);
    const none = await r.client.request(S.creatorList, { query: { q: 'quang linh', language: 'fr' } }, actors.reviewer);
    expect(none.items).toHaveLength(0);
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await r.client.request(
        S.creatorList,
        { query: { limit: 2, cursor } },
        actors.reviewer,
      );
      all.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const [{ n }] = await r.db.query('SELECT count(*)::int AS n FROM creators');
    expect(all).toHaveLength(n);
    expect(new Set(all).size).toBe(n);
  });

  it('pages through a fuzzy search best match first, without repeating or losing anyone', async () => {
    const names = ['Hà Giang Phượt Ký', 'Hà Giang Phượt Ký Sự', 'Hà Giang Phượt Cùng Mai', 'Phượt Hà Giang Mùa Lúa'];
    const ids: string[] = [];
    for (const displayName of names)
      ids.push(
        (await r.client.request(S.creatorCreate, { input: registration({ displayName }) }, actors.registrar)).id,
      );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page: { items: { id: string; displayName: string }[]; nextCursor: string | null } = await r.client.request(
        S.creatorList,
        { query: { q: 'ha giang phuot ky', limit: 1, cursor } },
        actors.reviewer,
      );
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen[0]).toBe(ids[0]);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([ids[0], ids[1]]));
  });

  it('names only near-equal names as possible duplicates on registration, and the duplicates list still goes lower when asked', async () => {
    // 'tran minh khoi' and 'tran duc khoi' share 10 of 19 trigrams: similarity 0.53, under the 0.6 a registration names.
    const first = await r.client.request(
      S.creatorCreate,
      { input: registration({ displayName: 'Trần Minh Khôi' }) },
      actors.registrar,
    );
    const second = await r.client.request(
      S.creatorCreate,
      { input: registration({ displayName: 'Trần Đức Khôi' }) },
      actors.registrar,
    );
    const close = await r.client.request(
      S.creatorCreate,
      { input: registration({ displayName: 'Tran Minh Khoi' }) },
      actors.registrar,
    );
    expect(second.possibleDuplicates!.map((d) => d.id)).not.toContain(first.id);
    expect(close.possibleDuplicates!.map((d) => d.id)).toContain(first.id);

    type Page = { items: { a: { id: string }; b: { id: string }; similarity: number }[] };
    const isPair = (p: Page['items'][number]) => [p.a.id, p.b.id].sort().join() === [first.id, second.id].sort().join();
    // As many lists as the service has connections: none of them may have kept the registration's threshold.
    const lists = await Promise.all(
      Array.from({ length: 5 }, () =>
        r.client.request(S.creatorDuplicates, { query: { minSimilarity: 0.5, limit: 200 } }, actors.registrar),
      ),
    );
    for (const list of lists) expect(list.items.filter(isPair).map((p) => p.similarity)).toEqual([0.526]);
    const standard = await r.client.request(
      S.creatorDuplicates,
      { query: { minSimilarity: 0.6, limit: 200 } },
      actors.registrar,
    );
    expect(standard.items.some(isPair)).toBe(false);
  });

  it('replays an idempotent command instead of acting twice, and refuses the key for another request', async () => {
    const input = registration();
    const first = await r.client.request(S.creatorCreate, { input }, actors.registrar, {
      idempotencyKey: 'k-1',
    });
    const again = await r.client.request(S.creatorCreate, { input }, actors.registrar, {
      idempotencyKey: 'k-1',
    });
    expect(again.id).toBe(first.id);
    const other = await rejection(
      r.client.request(S.creatorCreate, { input: registration() }, actors.registrar, { idempotencyKey: 'k-1' }),
    );
    expect(other.code).toBe('idempotency.key_reused');
  });

  it('registers once when the same key arrives many times at once, every attempt answered with that creator', async () => {
    const input = registration();
    const reused = registration();
    const key = `burst-${Date.now().toString(36)}`;
    const attempts = await Promise.allSettled([
      ...Array.from({ length: 8 }, () =>
        r.client.request(S.creatorCreate, { input }, actors.registrar, { idempotencyKey: key }),
      ),
      r.client.request(S.creatorCreate, { input: reused }, actors.registrar, { idempotencyKey: key }),
    ]);
    const answered = attempts.slice(0, 8).map((a) => (a.status === 'fulfilled' ? a.value.id : a.reason));
    expect(new Set(answered).size).toBe(1);
    expect(attempts[8]).toMatchObject({ status: 'rejected', reason: { code: 'idempotency.key_reused' } });

    const handles = [input, reused].map((i) => i.channels![0].handle.toLowerCase());
    const stored = await r.db.query(
      `SELECT c.id, ch.handle_normalized AS handle FROM creators c JOIN channels ch ON ch.creator_id = c.id
        WHERE ch.handle_normalized = ANY($1)`,
      [handles],
    );
    expect(stored).toEqual([{ id: answered[0], handle: handles[0] }]);
    const audited = await r.db.query('SELECT count(*)::int AS n FROM audit_entries WHERE subject = $1', [
      `creator:${answered[0]}`,
    ]);
    expect(audited).toEqual([{ n: 1 }]);
    const published = await r.db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE subject = $1 AND envelope->'data'->'creator'->>'id' = $2`,
      [EVENTS.registry.creatorRegistered, answered[0]],
    );
    expect(published).toEqual([{ n: 1 }]);
  });

  it('links every entry into a signed chain and names an entry changed behind its back', async () => {
    // Entries of its own, whatever ran before.
    for (let i = 0; i < 6; i++) await r.client.request(S.creatorCreate, { input: registration() }, actors.registrar);
    await r.app.get(AuditEvidence).settle();
    const ok = await r.client.request(S.auditVerify, {}, actors.auditor);
    expect(ok).toMatchObject({ valid: true, pending: 0 });
    expect(ok.entries).toBeGreaterThan(5);
    const second = '(SELECT entry_id FROM audit_chain WHERE seq = 2)';
    await expect(r.db.query(`UPDATE audit_entries SET reason = 'nothing to see' WHERE id = ${second}`)).rejects.toThrow(
      /insert-only/,
    );
    await r.db.query('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_or_delete');
    await r.db.query(`UPDATE audit_entries SET reason = 'nothing to see' WHERE id = ${second}`);
    await r.db.query('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_update_or_delete');
    const broken = await r.client.request(S.auditVerify, {}, actors.auditor);
    expect(broken).toMatchObject({ valid: false, entries: 2, brokenAt: 2, problem: { seq: 2, code: 'entry.changed' } });
  });
});
