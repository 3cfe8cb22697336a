import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ConcordClient } from '@concord/client';
import { jointCampaignRequest, signingBrief, startTestSystem, uniqueHandle, type TestSystem } from '../support/system';

const day = 24 * 3600_000;
const at = (days: number) => new Date(Date.now() + days * day);
const date = (days: number) => at(days).toISOString().slice(0, 10);

/**
 * The whole tasking story through the gateway, as the Foreign Ministry and
 * the lead agency would play it with the typed client: a joint campaign
 * request, accepted; a brief fanned out to 50 creators under a real
 * agreement (drafted, reviewed, signed in the agreements service, its
 * activation reaching tasking as an event); one creator skipped for a
 * calendar conflict; two decline.
 */
describe('joint campaign to creators’ answers, through the gateway', () => {
  let sys: TestSystem;
  let mofa: ConcordClient, manager: ConcordClient, registrar: ConcordClient, legal: ConcordClient, admin: ConcordClient;
  const creators: { id: string; handle: string }[] = [];

  beforeAll(async () => {
    sys = await startTestSystem();
    [mofa, manager, registrar, legal, admin] = await Promise.all(
      ['liaison@mofa', 'manager@mcst', 'registrar@mcst', 'legal@mcst', 'admin@mcst'].map((u) => sys.as(u)),
    );
  });
  afterAll(async () => sys.stop());

  async function register(
    displayName: string,
    kind: 'individual' | 'management_company',
    managementCompanyId: string | null,
  ) {
    const handle = uniqueHandle('fo');
    const { data, error } = await registrar.POST('/v1/creators', {
      body: {
        kind,
        displayName,
        managementCompanyId,
        topics: ['culture'],
        languages: ['vi', 'en'],
        channels: [
          { platform: 'tiktok', handle, url: `https://www.tiktok.com/@${handle}`, followers: 40_000, verified: true },
        ],
      },
    });
    if (!data) throw new Error(JSON.stringify(error));
    await registrar.POST('/v1/creators/{id}/vetting', {
      params: { path: { id: data.id } },
      body: { outcome: 'passed', notes: 'e2e' },
    });
    for (const to of ['vetted', 'active'] as const)
      await registrar.POST('/v1/creators/{id}/status', {
        params: { path: { id: data.id } },
        body: { to, reason: 'e2e' },
      });
    return { id: data.id, handle };
  }

  it('the Foreign Ministry asks, the lead agency accepts and briefs 50 creators; one is double-booked, two decline', async () => {
    // The lead agency's registry and an active agreement with a management company.
    const company = await register('Sao Việt Media', 'management_company', null);
    for (let i = 0; i < 50; i += 10) {
      creators.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, j) => register(`Nhà sáng tạo ${i + j + 1}`, 'individual', company.id)),
        )),
      );
    }
    const agreement = await manager.POST('/v1/agreements', {
      body: {
        kind: 'memorandum',
        counterpartyId: company.id,
        title: 'Hợp tác truyền thông đối ngoại',
        scope: 'Short videos for foreign-information campaigns',
        term: { start: date(-30), end: date(300) },
        budget: 500_000_000,
        deliverables: [{ platform: 'tiktok', quantity: 200 }],
        disclosureLabel: '#HợpTác cùng Cục TTCS&TTĐN',
      },
    });
    const agreementId = agreement.data!.id;
    await manager.POST('/v1/agreements/{id}/submit-for-review', { params: { path: { id: agreementId } } });
    await legal.POST('/v1/agreements/{id}/legal-decision', {
      params: { path: { id: agreementId } },
      body: { decision: 'approve', comments: 'ok' },
    });
    for (const party of ['agency', 'counterparty'] as const) {
      await admin.POST('/v1/agreements/{id}/signatures', {
        params: { path: { id: agreementId } },
        body: { party, signatoryName: 'Người ký', signedAt: new Date().toISOString(), method: 'in_person' },
      });
    }
    expect((await manager.GET('/v1/agreements/{id}', { params: { path: { id: agreementId } } })).data!.status).toBe(
      'active',
    );

    // The Foreign Ministry requests a joint campaign; the lead agency accepts and activates it.
    const request = await mofa.POST('/v1/campaign-requests', {
      body: jointCampaignRequest('Hanoi Convention signing — clips for foreign audiences', {
        objective: 'Explain the convention abroad',
        proposedPeriod: { start: date(0), end: date(60) },
        expectedDeliverables: '50 short clips',
        responseDeadline: at(5).toISOString(),
      }),
    });
    const accepted = await manager.POST('/v1/campaign-requests/{id}/accept', {
      params: { path: { id: request.data!.id } },
      body: { note: 'Welcome' },
    });
    const campaignId = accepted.data!.campaignId!;
    await manager.POST('/v1/campaigns/{id}/activate', { params: { path: { id: campaignId } } });

    // One creator is already booked by another campaign in the same window.
    const window = { start: at(19).toISOString(), end: at(20).toISOString() };
    const national = await manager.POST('/v1/campaigns', {
      body: {
        title: 'Ngày hội văn hóa đọc',
        objective: 'Reading culture',
        keyMessages: ['Đọc sách mỗi ngày'],
        platforms: ['tiktok'],
        period: { start: date(0), end: date(60) },
        budget: 10_000_000,
      },
    });
    await manager.POST('/v1/campaigns/{id}/activate', { params: { path: { id: national.data!.id } } });
    const otherBrief = await manager.POST('/v1/campaigns/{id}/briefs', {
      params: { path: { id: national.data!.id } },
      body: {
        kind: 'livestream',
        title: 'Livestream from the book fair',
        keyMessages: ['Đọc sách mỗi ngày'],
        platforms: ['tiktok'],
        languages: ['vi'],
        dueAt: window.end,
        window,
        quantity: 1,
        feePerDeliverable: 2_000_000,
      },
    });
    // The agreement's activation reaches tasking as an event: until it has, the creator is skipped as not covered.
    let booked = await manager.POST('/v1/briefs/{id}/assignments', {
      params: { path: { id: otherBrief.data!.id } },
      body: { creatorIds: [creators[7].id] },
    });
    for (let i = 0; i < 60 && booked.data!.results[0].outcome === 'skipped'; i++) {
      expect(booked.data!.results[0].reason).toBe('no_agreement');
      await new Promise((r) => setTimeout(r, 250));
      booked = await manager.POST('/v1/briefs/{id}/assignments', {
        params: { path: { id: otherBrief.data!.id } },
        body: { creatorIds: [creators[7].id] },
      });
    }
    expect(booked.data!.results[0].outcome).toBe('offered');

    // The joint brief goes to all 50.
    const brief = await manager.POST('/v1/campaigns/{id}/briefs', {
      params: { path: { id: campaignId } },
      body: signingBrief({ platforms: ['tiktok'], dueAt: at(20).toISOString(), quantity: 1 }),
    });
    const fanOut = await manager.POST('/v1/briefs/{id}/assignments', {
      params: { path: { id: brief.data!.id }, header: { 'Idempotency-Key': 'joint-brief-fan-out' } },
      body: { creatorIds: creators.map((c) => c.id) },
    });
    expect(fanOut.response.status).toBe(201);
    expect(fanOut.data).toMatchObject({
      status: 'completed',
      total: 50,
      offered: 49,
      skipped: 1,
      skippedByReason: { calendar_conflict: 1 },
    });
    expect(fanOut.data!.results.find((r) => r.outcome === 'skipped')).toMatchObject({
      creatorId: creators[7].id,
      reason: 'calendar_conflict',
    });
    const followed = await manager.GET('/v1/fan-outs/{id}', {
      params: { path: { id: fanOut.data!.id }, query: { outcome: 'skipped' } },
    });
    expect(followed.data!.results.map((r) => r.creatorId)).toEqual([creators[7].id]);
    const replayed = await manager.POST('/v1/briefs/{id}/assignments', {
      params: { path: { id: brief.data!.id }, header: { 'Idempotency-Key': 'joint-brief-fan-out' } },
      body: { creatorIds: creators.map((c) => c.id) },
    });
    expect(replayed.data!.id).toBe(fanOut.data!.id);
    expect(
      await mofa.GET('/v1/fan-outs/{id}', { params: { path: { id: fanOut.data!.id } } }).then((r) => r.response.status),
    ).toBe(404);
    // A finished fan-out is not cancelled (the route is the owning agency's managers'; another agency does not see it).
    const cancelled = await manager.POST('/v1/fan-outs/{id}/cancel', {
      params: { path: { id: fanOut.data!.id } },
      body: { reason: 'Too late' },
    });
    expect(cancelled.response.status).toBe(409);
    expect(cancelled.error).toMatchObject({ code: 'fan_out.status_transition_forbidden' });
    expect(
      (
        await mofa.POST('/v1/fan-outs/{id}/cancel', {
          params: { path: { id: fanOut.data!.id } },
          body: { reason: 'x' },
        })
      ).response.status,
    ).toBe(404);

    // Creators answer for themselves: two decline, the rest accept.
    const answers = await Promise.all(
      creators
        .filter((_, i) => i !== 7)
        .slice(0, 12)
        .map(async (c, i) => {
          const me = await sys.as(`creator@${c.handle}`);
          const { data: mine } = await me.GET('/v1/assignments', { params: { query: { mine: true } } });
          expect(mine!.items).toHaveLength(1);
          const path = { params: { path: { id: mine!.items[0].id } }, body: i < 2 ? { note: 'Not available' } : {} };
          return (
            i < 2 ? me.POST('/v1/assignments/{id}/decline', path) : me.POST('/v1/assignments/{id}/accept', path)
          ).then((r) => r.data!.status);
        }),
    );
    expect(answers.filter((s) => s === 'declined')).toHaveLength(2);
    expect(answers.filter((s) => s === 'accepted')).toHaveLength(10);
    const someoneElse = await sys.as(`creator@${creators[0].handle}`);
    const notTheirs = fanOut.data!.results.find((r) => r.creatorId === creators[1].id)!.assignmentId!;
    expect(
      (await someoneElse.POST('/v1/assignments/{id}/accept', { params: { path: { id: notTheirs } }, body: {} }))
        .response.status,
    ).toBe(404);

    // The Foreign Ministry follows progress, never fees; the calendar shows the campaign and the due brief.
    const { data: progress } = await mofa.GET('/v1/campaigns/{id}/assignment-progress', {
      params: { path: { id: campaignId } },
    });
    expect(progress).toEqual({ campaignId, byStatus: { accepted: 10, declined: 2, offered: 37 }, total: 49 });
    const { data: seen } = await mofa.GET('/v1/assignments', { params: { query: { campaignId, limit: 5 } } });
    expect(seen!.items).toHaveLength(5);
    expect(seen!.items.every((a) => a.feePerDeliverable === undefined)).toBe(true);
    const { data: calendar } = await mofa.GET('/v1/calendar', { params: { query: { from: date(0), to: date(30) } } });
    expect(calendar!.items.map((i) => i.kind)).toEqual(expect.arrayContaining(['campaign', 'brief', 'assignment']));
    expect(calendar!.items.some((i) => i.id === national.data!.id)).toBe(false);
  });
});
