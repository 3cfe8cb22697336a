import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { z } from 'zod';
import {
  newId,
  SUBJECTS,
  type Actor,
  type CreatorSelectReply,
  type CreatorSelectRequest,
  type CreatorView,
  type DomainError,
  type PLATFORMS,
} from '@concord/domain';
import { rejection as rejectionOf } from '@concord/testing';
import {
  actors,
  registration,
  startTestRegistry,
  type Registration,
  type TestRegistry,
} from '../test/registry.test-helpers';

const S = SUBJECTS.registry;
const rejection = (promise: Promise<unknown>) => rejectionOf<DomainError>(promise);

type Reply = z.infer<typeof CreatorSelectReply>;
type Ask = z.input<typeof CreatorSelectRequest>;

const channel = (platform: (typeof PLATFORMS)[number], handle: string, followers: number) => ({
  platform,
  handle,
  url: `https://example.com/@${handle}`,
  followers,
  verified: false,
});

describe('registry: creators for fan-outs (creator.select) and by channel handle (creator.by_handle)', () => {
  let r: TestRegistry;
  /** The creators of this file, by letter (the database is this file's own). */
  const c: Record<string, CreatorView> = {};
  const tag = newId().slice(-6);

  const select = (ask: Ask, actor: Actor = actors.registrar) => r.client.request(S.creatorSelect, ask, actor);
  const ids = (reply: Reply) => reply.items.map((i) => i.creatorId);
  const sorted = (...letters: string[]) => letters.map((l) => c[l].id).sort();
  const register = (input: Registration) => r.client.request(S.creatorCreate, { input }, actors.registrar);
  const vet = async (id: string) => {
    await r.client.request(
      S.creatorAddVetting,
      { id, input: { outcome: 'passed', notes: 'checked' } },
      actors.registrar,
    );
    await r.client.request(
      S.creatorChangeStatus,
      { id, input: { to: 'vetted', reason: 'vetting passed' } },
      actors.registrar,
    );
  };
  const activate = async (id: string) => {
    await vet(id);
    await r.client.request(
      S.creatorChangeStatus,
      { id, input: { to: 'active', reason: 'agreement signed' } },
      actors.registrar,
    );
  };

  beforeAll(async () => {
    r = await startTestRegistry();
    c.d = await register(
      registration({
        kind: 'management_company',
        displayName: 'Sao Việt Media',
        personalData: null,
        consent: null,
        topics: ['tourism', 'cuisine'],
        languages: ['vi'],
        regions: ['VN-SG'],
        channels: [channel('instagram', `saoviet_${tag}`, 80_000)],
      }),
    );
    // The same handle on two platforms of one creator.
    c.a = await register(
      registration({
        displayName: 'An Travel',
        topics: ['tourism'],
        languages: ['vi', 'en'],
        regions: ['VN-HN'],
        channels: [channel('tiktok', `an_${tag}`, 120_000), channel('youtube', `an_${tag}`, 5_000)],
      }),
    );
    c.b = await register(
      registration({
        displayName: 'Bình Culture',
        topics: ['culture'],
        languages: ['vi'],
        regions: ['VN-SG'],
        channels: [channel('youtube', `binh_${tag}`, 200_000)],
      }),
    );
    // 50,000 followers, but not on TikTok.
    c.c = await register(
      registration({
        displayName: 'Chi Eats',
        topics: ['tourism'],
        languages: ['en'],
        regions: ['VN-HN', 'VN-DN'],
        channels: [channel('tiktok', `chi_${tag}`, 3_000), channel('facebook', `chi_fb_${tag}`, 50_000)],
      }),
    );
    c.e = await register(
      registration({
        displayName: 'Em Phượt',
        topics: ['tourism'],
        languages: ['vi'],
        regions: ['VN-HN'],
        managementCompanyId: c.d.id,
        channels: [channel('tiktok', `em_${tag}`, 500_000)],
      }),
    );
    // A creator without channels.
    c.f = await register(
      registration({
        displayName: 'Phong No Channel',
        topics: ['history'],
        languages: ['fr'],
        regions: ['FR'],
        channels: [],
      }),
    );
    // One handle, two creators, on different platforms.
    c.g = await register(
      registration({
        displayName: 'Giang One',
        topics: ['history'],
        languages: ['fr'],
        regions: ['FR'],
        channels: [channel('tiktok', `same_${tag}`, 10)],
      }),
    );
    c.h = await register(
      registration({
        displayName: 'Hà Two',
        topics: ['history'],
        languages: ['fr'],
        regions: ['FR'],
        channels: [channel('zalo', `same_${tag}`, 10)],
      }),
    );
    for (const l of ['a', 'd', 'e']) await activate(c[l].id);
    await vet(c.c.id);
  });
  afterAll(async () => r.stop());

  it('answers what a fan-out needs of each creator: name, status, management company, platforms', async () => {
    const reply = await select({ creatorIds: [c.a.id, c.e.id, c.f.id] });
    expect(reply).toEqual({
      items: [
        {
          creatorId: c.a.id,
          displayName: 'An Travel',
          status: 'active',
          managementCompanyId: null,
          platforms: ['tiktok', 'youtube'],
        },
        {
          creatorId: c.e.id,
          displayName: 'Em Phượt',
          status: 'active',
          managementCompanyId: c.d.id,
          platforms: ['tiktok'],
        },
        {
          creatorId: c.f.id,
          displayName: 'Phong No Channel',
          status: 'prospect',
          managementCompanyId: null,
          platforms: [],
        },
      ].sort((x, y) => x.creatorId.localeCompare(y.creatorId)),
      total: null,
      nextAfter: null,
    });
  });

  it('filters by topic, language, region, platform and followers (on one channel, of the platform when one is named)', async () => {
    expect(ids(await select({ filter: { topic: 'tourism' } }))).toEqual(sorted('a', 'c', 'd', 'e'));
    expect(ids(await select({ filter: { language: 'en' } }))).toEqual(sorted('a', 'c'));
    expect(ids(await select({ filter: { region: 'VN-DN' } }))).toEqual(sorted('c'));
    expect(ids(await select({ filter: { region: 'VN-HN', language: 'vi' } }))).toEqual(sorted('a', 'e'));
    expect(ids(await select({ filter: { platform: 'tiktok' } }))).toEqual(sorted('a', 'c', 'e', 'g'));
    expect(ids(await select({ filter: { minFollowers: 100_000 } }))).toEqual(sorted('a', 'b', 'e'));
    expect(ids(await select({ filter: { minFollowers: 50_000 } }))).toEqual(sorted('a', 'b', 'c', 'd', 'e'));
    // Chi has 50,000 on Facebook but 3,000 on TikTok.
    expect(ids(await select({ filter: { platform: 'tiktok', minFollowers: 50_000 } }))).toEqual(sorted('a', 'e'));
    expect(ids(await select({ filter: { platform: 'youtube', minFollowers: 100_000, topic: 'tourism' } }))).toEqual([]);
    expect(await select({ filter: { topic: 'tourism', platform: 'tiktok' }, count: true })).toMatchObject({
      total: 3,
      nextAfter: null,
    });
  });

  it('pages a filter in id order after `after`, none twice and none missed, counting all on request', async () => {
    const all = (await r.db.query('SELECT id FROM creators ORDER BY id')).map((row: { id: string }) => row.id);
    for (const limit of [1, 2, 3, all.length]) {
      const seen: string[] = [];
      let after: string | undefined;
      let first: Reply | undefined;
      for (let pages = 0; ; pages++) {
        const page = await select({ filter: {}, limit, after, count: pages === 0 });
        first ??= page;
        if (pages > 0) expect(page.total).toBeNull();
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...ids(page));
        // A full page names its last id; a short one ends the walk.
        expect(page.nextAfter).toBe(page.items.length === limit ? page.items.at(-1)!.creatorId : null);
        if (!page.nextAfter) break;
        after = page.nextAfter;
        expect(pages).toBeLessThan(all.length + 1);
      }
      expect(first.total).toBe(all.length);
      expect(seen).toEqual(all);
    }
  });

  it('by id: answers those that exist, in id order, leaving out unknown ids and ignoring `after`', async () => {
    const unknown = newId();
    const reply = await select({
      creatorIds: [c.e.id, unknown, c.b.id, c.a.id, c.a.id],
      after: c.e.id,
      limit: 1,
      count: true,
    });
    expect(ids(reply)).toEqual(sorted('a', 'b', 'e'));
    expect(reply).toMatchObject({ total: 3, nextAfter: null });
  });

  it('shows a partner agency only active creators, by filter and by id', async () => {
    expect(ids(await select({ filter: { topic: 'tourism' }, count: true }, actors.mofaLiaison))).toEqual(
      sorted('a', 'd', 'e'),
    );
    expect(await select({ filter: {}, count: true }, actors.mofaLiaison)).toMatchObject({ total: 3 });
    expect(ids(await select({ creatorIds: [c.a.id, c.b.id, c.c.id, c.e.id] }, actors.mofaLiaison))).toEqual(
      sorted('a', 'e'),
    );
  });

  it('refuses a request with both ids and a filter, or neither, and bad input with field paths', async () => {
    const both = await rejection(select({ creatorIds: [c.a.id], filter: { topic: 'tourism' } }));
    expect(both).toMatchObject({ code: 'validation.failed' });
    expect(both.errors.map((e) => e.path)).toEqual(['creatorIds']);
    expect((await rejection(select({}))).code).toBe('validation.failed');
    const bad = await rejection(select({ filter: { platform: 'myspace' as 'tiktok', minFollowers: -1 }, limit: 0 }));
    expect(bad.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['filter.platform', 'filter.minFollowers', 'limit']),
    );
  });

  it('finds the creator owning a handle, in any case and with or without @, on whichever platform', async () => {
    const byHandle = (handle: string, actor: Actor = actors.registrar) =>
      r.client.request(S.creatorByHandle, { handle }, actor);
    const expected = { creatorId: c.a.id, displayName: 'An Travel', kind: 'individual' };
    expect(await byHandle(`an_${tag}`)).toEqual(expected);
    expect(await byHandle(` @AN_${tag.toUpperCase()} `)).toEqual(expected);
    expect(await byHandle(`chi_fb_${tag}`)).toMatchObject({ creatorId: c.c.id });
    expect(await byHandle(`saoviet_${tag}`)).toEqual({
      creatorId: c.d.id,
      displayName: 'Sao Việt Media',
      kind: 'management_company',
    });
    // Any lead-agency staff role may ask (the gateway asks as a registry officer).
    expect(await byHandle(`em_${tag}`, actors.reviewer)).toMatchObject({ creatorId: c.e.id });

    const unknown = await rejection(byHandle(`nobody_${tag}`));
    expect(unknown.code).toBe('not_found');
    const ambiguous = await rejection(byHandle(`same_${tag}`));
    expect(ambiguous).toMatchObject({ code: 'validation.failed' });
    expect(ambiguous.errors).toEqual([expect.objectContaining({ path: 'handle', code: 'ambiguous_handle' })]);
    const partner = await rejection(byHandle(`an_${tag}`, actors.mofaLiaison));
    expect(partner.code).toBe('auth.forbidden');
    const empty = await rejection(byHandle('  '));
    expect(empty.errors.map((e) => e.path)).toEqual(['handle']);
  });
});
