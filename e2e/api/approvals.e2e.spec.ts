import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { devToken, type ConcordClient } from '@concord/client';
import { jointCampaignRequest, startTestSystem, uniqueHandle, type TestSystem } from '../support/system';

const day = 24 * 3600_000;
const at = (days: number) => new Date(Date.now() + days * day);
const date = (days: number) => at(days).toISOString().slice(0, 10);
const LABEL = '#HợpTác cùng Cục TTCS&TTĐN';

/**
 * From brief to reach report through the gateway with the typed client: a
 * joint campaign's clip passes the lead agency's reviewer, legal and the
 * Foreign Ministry's reviewer after one round of changes, is published on
 * the creator's channel and reports reach.
 */
describe('a joint campaign’s clip from submission to reach report, through the gateway', () => {
  let sys: TestSystem;
  let mofa: ConcordClient,
    mofaReviewer: ConcordClient,
    manager: ConcordClient,
    registrar: ConcordClient,
    legal: ConcordClient,
    admin: ConcordClient,
    reviewer: ConcordClient;

  beforeAll(async () => {
    sys = await startTestSystem();
    [mofa, mofaReviewer, manager, registrar, legal, admin, reviewer] = await Promise.all(
      [
        'liaison@mofa',
        'reviewer@mofa',
        'manager@mcst',
        'registrar@mcst',
        'legal@mcst',
        'admin@mcst',
        'reviewer@mcst',
      ].map((u) => sys.as(u)),
    );
  });
  afterAll(async () => sys.stop());

  /** The Foreign Ministry's joint campaign request on the convention, accepted by the lead agency: the campaign's id. */
  async function acceptedJointCampaign(title: string, expectedDeliverables: string): Promise<string> {
    const { data: request } = await mofa.POST('/v1/campaign-requests', {
      body: jointCampaignRequest(title, {
        objective: 'Explain the convention',
        keyMessages: ['Việt Nam là nước chủ nhà'],
        proposedPeriod: { start: date(0), end: date(60) },
        expectedDeliverables,
        responseDeadline: at(5).toISOString(),
      }),
    });
    const { data: accepted } = await manager.POST('/v1/campaign-requests/{id}/accept', {
      params: { path: { id: request!.id } },
      body: {},
    });
    return accepted!.campaignId!;
  }

  it('passes three stages after one round of changes, is published and reports reach', async () => {
    // A creator with an active agreement carrying the disclosure label.
    const handle = uniqueHandle('lan');
    const { data: creator } = await registrar.POST('/v1/creators', {
      body: {
        kind: 'individual',
        displayName: 'Lan Anh Travel',
        topics: ['tourism'],
        languages: ['vi', 'en'],
        channels: [
          { platform: 'tiktok', handle, url: `https://www.tiktok.com/@${handle}`, followers: 300_000, verified: true },
        ],
      },
    });
    await registrar.POST('/v1/creators/{id}/vetting', {
      params: { path: { id: creator!.id } },
      body: { outcome: 'passed', notes: 'e2e' },
    });
    for (const to of ['vetted', 'active'] as const)
      await registrar.POST('/v1/creators/{id}/status', {
        params: { path: { id: creator!.id } },
        body: { to, reason: 'e2e' },
      });
    const { data: agreement } = await manager.POST('/v1/agreements', {
      body: {
        kind: 'service_contract',
        counterpartyId: creator!.id,
        title: 'Clips for the Hanoi Convention',
        scope: 'Short videos',
        term: { start: date(-10), end: date(200) },
        budget: 50_000_000,
        deliverables: [{ platform: 'tiktok', quantity: 5 }],
        disclosureLabel: LABEL,
      },
    });
    await manager.POST('/v1/agreements/{id}/submit-for-review', { params: { path: { id: agreement!.id } } });
    await legal.POST('/v1/agreements/{id}/legal-decision', {
      params: { path: { id: agreement!.id } },
      body: { decision: 'approve', comments: 'ok' },
    });
    for (const party of ['agency', 'counterparty'] as const) {
      await admin.POST('/v1/agreements/{id}/signatures', {
        params: { path: { id: agreement!.id } },
        body: { party, signatoryName: 'Người ký', signedAt: new Date().toISOString(), method: 'in_person' },
      });
    }

    // The Foreign Ministry's joint campaign, accepted and briefed; the creator accepts.
    const campaignId = await acceptedJointCampaign('Hanoi Convention — clips abroad', '5 clips');
    await manager.POST('/v1/campaigns/{id}/activate', { params: { path: { id: campaignId } } });
    const { data: workflow } = await mofa.GET('/v1/campaigns/{id}/workflow', { params: { path: { id: campaignId } } });
    expect(workflow).toMatchObject({ isDefault: true });
    const { data: brief } = await manager.POST('/v1/campaigns/{id}/briefs', {
      params: { path: { id: campaignId } },
      body: {
        kind: 'short_video',
        title: 'The signing in 60 seconds',
        keyMessages: ['Việt Nam là nước chủ nhà'],
        platforms: ['tiktok'],
        languages: ['en'],
        dueAt: at(20).toISOString(),
        quantity: 1,
        feePerDeliverable: 5_000_000,
      },
    });
    let assignmentId: string | null = null;
    for (let i = 0; i < 40 && !assignmentId; i++) {
      const { data: fanOut } = await manager.POST('/v1/briefs/{id}/assignments', {
        params: { path: { id: brief!.id } },
        body: { creatorIds: [creator!.id] },
      });
      assignmentId = fanOut!.results[0].assignmentId;
      if (!assignmentId) await new Promise((r) => setTimeout(r, 250));
    }
    const me = await sys.as(`creator@${handle}`);
    await me.POST('/v1/assignments/{id}/accept', { params: { path: { id: assignmentId! } }, body: {} });

    // Version 1 forgets the disclosure label: the check says so and the reviewer sends it back.
    const media = [
      {
        url: 'https://drive.example.vn/clip.mp4',
        mimeType: 'video/mp4',
        sizeBytes: 20_000_000,
        sha256: 'b'.repeat(64),
      },
    ];
    const submitted = await me.POST('/v1/assignments/{id}/submissions', {
      params: { path: { id: assignmentId! } },
      body: {
        platform: 'tiktok',
        kind: 'short_video',
        plannedAt: at(15).toISOString(),
        text: 'Việt Nam là nước chủ nhà lễ mở ký Công ước Hà Nội 🇻🇳',
        media,
      },
    });
    expect(submitted.response.status).toBe(201);
    let s = submitted.data!;
    expect(s.versions[0].checks.find((c) => c.check === 'disclosure_label')).toMatchObject({ passed: false });
    const blocked = await reviewer.POST('/v1/submissions/{id}/decisions', {
      params: { path: { id: s.id } },
      body: { decision: 'approve', stage: 0, version: 1 },
    });
    expect(blocked.response.status).toBe(409);
    expect(blocked.error).toMatchObject({ code: 'submission.checks_failing' });
    s = (
      await reviewer.POST('/v1/submissions/{id}/decisions', {
        params: { path: { id: s.id } },
        body: { decision: 'request_changes', stage: 0, version: 1, reason: `Add the label ${LABEL}` },
      })
    ).data!;
    expect(s.status).toBe('changes_requested');

    s = (
      await me.POST('/v1/submissions/{id}/versions', {
        params: { path: { id: s.id } },
        body: { text: `Việt Nam là nước chủ nhà lễ mở ký Công ước Hà Nội 🇻🇳 ${LABEL}`, media },
      })
    ).data!;
    expect(s.versions[1].checks.every((c) => c.passed)).toBe(true);
    const { data: diff } = await reviewer.GET('/v1/submissions/{id}/diff', {
      params: { path: { id: s.id }, query: { from: 1, to: 2 } },
    });
    expect(diff!.text.some((p) => p.op === 'insert' && p.text.includes('#HợpTác'))).toBe(true);

    // Three stages: the agency's reviewer, legal, the Foreign Ministry's reviewer.
    const { data: queue } = await legal.GET('/v1/reviews', { params: { query: { mine: true } } });
    expect(queue!.items).toEqual([]);
    s = (
      await reviewer.POST('/v1/submissions/{id}/decisions', {
        params: { path: { id: s.id } },
        body: { decision: 'approve', stage: 0, version: 2 },
      })
    ).data!;
    expect(
      (await legal.GET('/v1/reviews', { params: { query: { mine: true } } })).data!.items.map((i) => i.id),
    ).toEqual([s.id]);
    s = (
      await legal.POST('/v1/submissions/{id}/decisions', {
        params: { path: { id: s.id } },
        body: { decision: 'approve', stage: 1, version: 2 },
      })
    ).data!;
    const stale = await reviewer.POST('/v1/submissions/{id}/decisions', {
      params: { path: { id: s.id } },
      body: { decision: 'approve', stage: 0, version: 2 },
    });
    expect(stale.response.status).toBe(409);
    s = (
      await mofaReviewer.POST('/v1/submissions/{id}/decisions', {
        params: { path: { id: s.id } },
        body: { decision: 'approve', stage: 2, version: 2 },
      })
    ).data!;
    expect(s.status).toBe('approved');

    // Published on the creator's channel; reach reported twice; the report and its CSV.
    const wrong = await me.POST('/v1/submissions/{id}/publication', {
      params: { path: { id: s.id } },
      body: { url: 'https://www.tiktok.com/@not_me/video/1', publishedAt: at(-1).toISOString() },
    });
    expect(wrong.response.status).toBe(422);
    expect(wrong.error).toMatchObject({
      code: 'publication.channel_mismatch',
      errors: [expect.objectContaining({ path: 'input.url' })],
    });
    s = (
      await me.POST('/v1/submissions/{id}/publication', {
        params: { path: { id: s.id } },
        body: { url: `https://www.tiktok.com/@${handle}/video/7301`, publishedAt: at(-1).toISOString() },
      })
    ).data!;
    await me.POST('/v1/publications/{id}/metrics', {
      params: { path: { id: s.publication!.id } },
      body: { at: at(-0.5).toISOString(), views: 200_000, likes: 15_000 },
    });
    await me.POST('/v1/publications/{id}/metrics', {
      params: { path: { id: s.publication!.id } },
      body: { at: new Date().toISOString(), views: 3_000_000, likes: 210_000, shares: 9_000 },
    });
    const { data: report } = await mofa.GET('/v1/campaigns/{id}/report', { params: { path: { id: campaignId } } });
    expect(report).toMatchObject({
      totals: { publications: 1, views: 3_000_000, likes: 210_000, shares: 9_000 },
      byPlatform: [{ platform: 'tiktok', views: 3_000_000 }],
      byCreator: [{ creatorName: 'Lan Anh Travel' }],
    });
    const csv = await fetch(`${sys.baseUrl}/v1/campaigns/${campaignId}/report.csv`, {
      headers: { authorization: `Bearer ${await devToken(sys.baseUrl, 'liaison@mofa')}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('"creator"');
    expect(text).toContain('"Lan Anh Travel","1","3000000"');
    // Day lines are views so far (cumulative): the last day is the total, never the readings added up (3,200,000).
    const dayLines = text
      .trim()
      .split('\r\n')
      .filter((l) => l.startsWith('"day"'));
    expect(dayLines.at(-1)).toMatch(/^"day","\d{4}-\d{2}-\d{2}","\d{4}-\d{2}-\d{2}","","3000000","210000",/);
    expect(text).not.toContain('3200000');

    // A falling counter is refused with both readings; as a correction with its reason it is taken.
    const fallen = await me.POST('/v1/publications/{id}/metrics', {
      params: { path: { id: s.publication!.id } },
      body: { at: new Date().toISOString(), views: 1_000, likes: 210_000, shares: 9_000 },
    });
    expect(fallen.response.status).toBe(409);
    expect(fallen.response.headers.get('content-type')).toContain('application/problem+json');
    expect(fallen.error).toMatchObject({
      code: 'metrics.counter_decreased',
      previous: { views: 3_000_000 },
      sent: { views: 1_000 },
      errors: [expect.objectContaining({ path: 'input.views' })],
    });
    const corrected = await me.POST('/v1/publications/{id}/metrics', {
      params: { path: { id: s.publication!.id } },
      body: {
        at: new Date().toISOString(),
        views: 1_000,
        likes: 210_000,
        shares: 9_000,
        correction: { reason: 'Bot views removed by the platform' },
      },
    });
    expect(corrected.response.status).toBe(201);
    const { data: afterCorrection } = await mofa.GET('/v1/campaigns/{id}/report', {
      params: { path: { id: campaignId } },
    });
    expect(afterCorrection!.totals.views).toBe(1_000);

    // The assignment followed every step; the audit trail holds each decision.
    let history: string[] = [];
    for (let i = 0; i < 100 && history.at(-1) !== 'reported'; i++) {
      if (i) await new Promise((r) => setTimeout(r, 50));
      history = (
        await manager.GET('/v1/assignments/{id}', { params: { path: { id: assignmentId! } } })
      ).data!.statusHistory.map((h) => h.to);
    }
    expect(history).toEqual([
      'offered',
      'accepted',
      'submitted',
      'accepted',
      'submitted',
      'approved',
      'published',
      'reported',
    ]);
    const { data: trail } = await (
      await sys.as('auditor@mcst')
    ).GET('/v1/audit', { params: { query: { subject: `submission:${s.id}` } } });
    // The lead agency's trail holds every step of its campaign's content, whoever took it.
    expect(trail!.items.map((e) => `${e.action} by ${e.actor.userId}`).reverse()).toEqual([
      `submission.submitted by creator@${handle}`,
      'submission.request_changes by reviewer@mcst',
      `submission.resubmitted by creator@${handle}`,
      'submission.approve by reviewer@mcst',
      'submission.approve by legal@mcst',
      'submission.approve by reviewer@mofa',
      `publication.recorded by creator@${handle}`,
      `metrics.reported by creator@${handle}`,
      `metrics.reported by creator@${handle}`,
      `metrics.corrected by creator@${handle}`,
    ]);
  });

  it("refuses, as 422 problem+json with field paths, a workflow that leaves out the partner's review until the partner consents", async () => {
    const id = await acceptedJointCampaign('Hanoi Convention — workflow', '2 clips');
    const stages = [
      { key: 'agency_review', agency: 'owner', role: 'reviewer' as const },
      { key: 'legal', agency: 'owner', role: 'legal_officer' as const },
    ];

    const refused = await manager.PUT('/v1/campaigns/{id}/workflow', { params: { path: { id } }, body: { stages } });
    expect(refused.response.status).toBe(422);
    expect(refused.response.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.error).toMatchObject({
      code: 'workflow.not_allowed',
      errors: [expect.objectContaining({ path: 'input.stages', code: 'partner_consent_required' })],
    });
    const noLegal = await manager.PUT('/v1/campaigns/{id}/workflow', {
      params: { path: { id } },
      body: { stages: [stages[0], { key: 'partner_review', agency: 'partners', role: 'reviewer' }] },
    });
    expect(noLegal.error).toMatchObject({
      code: 'workflow.not_allowed',
      errors: [expect.objectContaining({ path: 'input.stages', code: 'legal_required' })],
    });
    expect((await manager.GET('/v1/campaigns/{id}/workflow', { params: { path: { id } } })).data).toMatchObject({
      isDefault: true,
    });

    const consent = await mofa.POST('/v1/campaigns/{id}/workflow/consent', {
      params: { path: { id } },
      body: { stages },
    });
    expect(consent.response.status).toBe(201);
    expect(consent.data).toMatchObject({ campaignId: id, agencyId: 'mofa', givenBy: 'liaison@mofa' });
    const set = await manager.PUT('/v1/campaigns/{id}/workflow', { params: { path: { id } }, body: { stages } });
    expect(set.data?.stages.map((s) => s.key)).toEqual(['agency_review', 'legal']);
  });
});
