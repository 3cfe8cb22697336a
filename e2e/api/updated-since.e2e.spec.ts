import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ConcordClient } from '@concord/client';
import { jointCampaignRequest, registration, startTestSystem, uniqueHandle, type TestSystem } from '../support/system';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A change feed on the lists a partner's system polls (issue 15): `updatedSince` answers only what was created or
 * changed at or after a time, so a poller reads what changed instead of everything again.
 */
describe('updatedSince on the lists a partner polls', () => {
  let sys: TestSystem;
  let registrar: ConcordClient;
  let manager: ConcordClient;
  let mofa: ConcordClient;

  beforeAll(async () => {
    sys = await startTestSystem();
    [registrar, manager, mofa] = await Promise.all(
      ['registrar@mcst', 'manager@mcst', 'liaison@mofa'].map((u) => sys.as(u)),
    );
  });
  afterAll(async () => sys?.stop());

  async function register(name: string): Promise<string> {
    const { data, response } = await registrar.POST('/v1/creators', { body: registration(name, uniqueHandle('feed')) });
    expect(response.status).toBe(201);
    return data!.id;
  }

  /** A time strictly after everything written so far (the database's clock and ours are the same machine's). */
  async function now(): Promise<string> {
    await pause(20);
    const at = new Date().toISOString();
    await pause(20);
    return at;
  }

  it('lists only the creators registered or changed since the time given', async () => {
    const before = await now();
    const unchanged = await register('Trần Minh Quân');
    const changed = await register('Hồ Ngọc Ánh');
    const since = await now();
    const { response } = await registrar.PATCH('/v1/creators/{id}', {
      params: { path: { id: changed } },
      headers: { 'If-Match': '"v1"' },
      body: { topics: ['culture'] },
    });
    expect(response.status).toBe(200);
    const added = await register('Lý Thu Trang');

    const { data: recent } = await registrar.GET('/v1/creators', {
      params: { query: { updatedSince: since, limit: 100 } },
    });
    const recentIds = recent!.items.map((c) => c.id);
    expect(recentIds).toEqual(expect.arrayContaining([changed, added]));
    expect(recentIds).not.toContain(unchanged);

    const { data: all } = await registrar.GET('/v1/creators', {
      params: { query: { updatedSince: before, limit: 100 } },
    });
    expect(all!.items.map((c) => c.id)).toEqual(expect.arrayContaining([unchanged, changed, added]));
  });

  it('lists only the agreements drafted or changed since the time given', async () => {
    const counterpartyId = await register('Vũ Hải Yến');
    await registrar.POST('/v1/creators/{id}/vetting', {
      params: { path: { id: counterpartyId } },
      body: { outcome: 'passed', notes: 'Identity and past content checked' },
    });
    await registrar.POST('/v1/creators/{id}/status', {
      params: { path: { id: counterpartyId } },
      body: { to: 'vetted', reason: 'vetting passed' },
    });
    const draft = async (title: string) => {
      const { data, response } = await manager.POST('/v1/agreements', {
        body: {
          kind: 'memorandum',
          counterpartyId,
          title,
          scope: 'Short videos for the change-feed story',
          term: { start: '2026-01-01', end: '2026-12-31' },
          budget: 10_000_000,
          deliverables: [{ platform: 'tiktok', quantity: 2 }],
          disclosureLabel: '#HợpTác cùng Cục TTCS&TTĐN',
        },
      });
      expect(response.status).toBe(201);
      return data!.id;
    };
    const quiet = await draft('Left as drafted');
    const moved = await draft('Sent for review');
    const since = await now();
    const submitted = await manager.POST('/v1/agreements/{id}/submit-for-review', { params: { path: { id: moved } } });
    expect(submitted.response.status).toBe(200);

    const { data } = await manager.GET('/v1/agreements', { params: { query: { updatedSince: since, limit: 100 } } });
    const ids = data!.items.map((a) => a.id);
    expect(ids).toContain(moved);
    expect(ids).not.toContain(quiet);
  });

  it('lists only the joint campaign requests, campaigns and agency tasks changed since the time given', async () => {
    const ask = async (title: string) => {
      const { data, response } = await mofa.POST('/v1/campaign-requests', { body: jointCampaignRequest(title) });
      expect(response.status).toBe(201);
      return data!.id;
    };
    const waiting = await ask('Still waiting for an answer');
    const answered = await ask('Answered after the last poll');
    const task = await mofa.POST('/v1/tasks', {
      body: {
        toAgencyId: 'mcst-ttcs',
        title: 'Translate the key messages',
        description: 'Into English and French',
        dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    });
    expect(task.response.status).toBe(201);
    const since = await now();
    const accepted = await manager.POST('/v1/campaign-requests/{id}/accept', {
      params: { path: { id: answered } },
      body: { note: 'Welcome' },
    });
    expect(accepted.response.status).toBe(200);
    const campaignId = accepted.data!.campaignId!;

    // The Foreign Ministry's system polls its outbox and the campaigns it shares: only what changed comes back.
    const { data: requests } = await mofa.GET('/v1/campaign-requests', {
      params: { query: { box: 'outbox', updatedSince: since, limit: 100 } },
    });
    expect(requests!.items.map((r) => r.id)).toEqual([answered]);
    expect(requests!.items[0]).toMatchObject({ status: 'accepted' });
    const { data: campaigns } = await mofa.GET('/v1/campaigns', {
      params: { query: { updatedSince: since, limit: 100 } },
    });
    expect(campaigns!.items.map((c) => c.id)).toContain(campaignId);
    const { data: tasks } = await mofa.GET('/v1/tasks', {
      params: { query: { box: 'outbox', updatedSince: since, limit: 100 } },
    });
    expect(tasks!.items.map((t) => t.id)).not.toContain(task.data!.id);
    const { data: allRequests } = await mofa.GET('/v1/campaign-requests', {
      params: { query: { box: 'outbox', limit: 100 } },
    });
    expect(allRequests!.items.map((r) => r.id)).toEqual(expect.arrayContaining([waiting, answered]));
  });

  it('refuses a time that is not one, naming the parameter', async () => {
    const { response, error } = await registrar.GET('/v1/creators', {
      params: { query: { updatedSince: 'yesterday' } },
    });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ code: 'validation.failed' });
    expect(JSON.stringify(error)).toContain('updatedSince');
  });
});
