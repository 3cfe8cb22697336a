import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ConcordClient } from '@concord/client';
import { jointCampaignRequest, signingBrief, startTestSystem, type TestSystem } from '../support/system';

describe('joint campaigns through the gateway, with the typed client', () => {
  let sys: TestSystem;
  let mofa: ConcordClient;
  let manager: ConcordClient;
  let hcmc: ConcordClient;

  beforeAll(async () => {
    sys = await startTestSystem();
    [mofa, manager, hcmc] = await Promise.all(['liaison@mofa', 'manager@mcst', 'liaison@hcmc'].map((u) => sys.as(u)));
  });
  afterAll(async () => sys.stop());

  it('the Foreign Ministry requests a joint campaign and the lead agency accepts it into a campaign both can see', async () => {
    const submitted = await mofa.POST('/v1/campaign-requests', {
      body: jointCampaignRequest('Hanoi Convention signing — explainer clips'),
    });
    expect(submitted.response.status).toBe(201);
    const id = submitted.data!.id;
    const { data: inbox } = await manager.GET('/v1/campaign-requests', {
      params: { query: { box: 'inbox', status: 'submitted' } },
    });
    expect(inbox!.items.map((r) => r.id)).toContain(id);
    const hidden = await hcmc.GET('/v1/campaign-requests/{id}', { params: { path: { id } } });
    expect(hidden.response.status).toBe(404);

    const accepted = await manager.POST('/v1/campaign-requests/{id}/accept', {
      params: { path: { id } },
      body: { note: 'Welcome' },
    });
    expect(accepted.data).toMatchObject({ status: 'accepted' });
    const campaignId = accepted.data!.campaignId!;
    const again = await manager.POST('/v1/campaign-requests/{id}/decline', {
      params: { path: { id } },
      body: { reason: 'too late' },
    });
    expect(again.response.status).toBe(409);
    expect(again.error).toMatchObject({ code: 'campaign_request.status_transition_forbidden' });

    const { data: forMofa } = await mofa.GET('/v1/campaigns/{id}', { params: { path: { id: campaignId } } });
    expect(forMofa).toMatchObject({ ownerAgencyId: 'mcst-ttcs', partnerAgencyIds: ['mofa'], status: 'planning' });
    expect(forMofa!.budget).toBeUndefined();
    const activated = await manager.POST('/v1/campaigns/{id}/activate', { params: { path: { id: campaignId } } });
    expect(activated.data!.status).toBe('active');
    const notYours = await mofa.POST('/v1/campaigns/{id}/activate', { params: { path: { id: campaignId } } });
    expect(notYours.response.status).toBe(403);
    const { data: trail } = await (
      await sys.as('auditor@mcst')
    ).GET('/v1/audit', { params: { query: { subject: `campaign:${campaignId}` } } });
    expect(trail!.items.map((e) => e.action)).toEqual(['campaign.activate', 'campaign.created']);

    const brief = await manager.POST('/v1/campaigns/{id}/briefs', {
      params: { path: { id: campaignId } },
      body: signingBrief({ platforms: ['youtube', 'tiktok'], dueAt: '2026-10-28T10:00:00Z', quantity: 10 }),
    });
    expect(brief.response.status).toBe(201);
    const { data: briefsForMofa } = await mofa.GET('/v1/campaigns/{id}/briefs', {
      params: { path: { id: campaignId } },
    });
    expect(briefsForMofa!.items).toEqual([expect.objectContaining({ id: brief.data!.id, quantity: 10 })]);
    expect(briefsForMofa!.items[0].feePerDeliverable).toBeUndefined();

    const task = await mofa.POST('/v1/tasks', {
      body: {
        toAgencyId: 'mcst-ttcs',
        campaignId,
        title: '10 short clips in English',
        description: 'For the signing ceremony',
        dueAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
      },
    });
    expect(task.response.status).toBe(201);
    const taskAccepted = await manager.POST('/v1/tasks/{id}/{move}', {
      params: { path: { id: task.data!.id, move: 'accept' } },
      body: {},
    });
    expect(taskAccepted.data!.status).toBe('accepted');
    const wrongSide = await mofa.POST('/v1/tasks/{id}/{move}', {
      params: { path: { id: task.data!.id, move: 'start' } },
      body: {},
    });
    expect(wrongSide.response.status).toBe(403);
    const { data: taskInbox } = await manager.GET('/v1/tasks', { params: { query: { box: 'inbox' } } });
    expect(taskInbox!.items.map((t) => t.id)).toContain(task.data!.id);
  });
});
