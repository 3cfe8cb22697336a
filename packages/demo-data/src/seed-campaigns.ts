import { createConcordClient, devToken, type ConcordClient } from '@concord/client';
import type { DemoCalendar } from './demo-calendar';
import { seedDemoSubmissions, type DemoAuthor } from './seed-submissions';

/** A demo creator who can sign in as `creator@<handle>`. */
export interface DemoCreatorLogin {
  id: string;
  handle: string;
  channels: { platform: string; handle: string }[];
}

/**
 * A joint campaign in progress: the Foreign Ministry's request, accepted by
 * the lead agency and active; and one request still waiting in the inbox.
 * Stable Idempotency-Keys make a second run change nothing.
 */
export async function seedDemoCampaigns(
  baseUrl: string,
  version: string,
  calendar: DemoCalendar,
  creators: DemoCreatorLogin[] = [],
): Promise<number> {
  const mofa = createConcordClient({ baseUrl, token: await devToken(baseUrl, 'liaison@mofa') });
  const manager = createConcordClient({ baseUrl, token: await devToken(baseUrl, 'manager@mcst') });
  const key = (step: string) => ({ 'Idempotency-Key': `demo-${version}-campaign-${step}` });

  const jointRequest = (responseDeadline: string) =>
    mofa.POST('/v1/campaign-requests', {
      params: { header: key('hanoi-convention-request') },
      body: {
        title: 'Lễ mở ký Công ước Hà Nội — video ngắn tiếng Anh',
        objective:
          'Explain the Hanoi Convention signing to foreign audiences through creators with international followings',
        keyMessages: ['Việt Nam là nước chủ nhà lễ mở ký', 'Hợp tác quốc tế phòng chống tội phạm mạng'],
        proposedPeriod: { start: calendar.day(-41), end: calendar.day(20) },
        expectedDeliverables: '10 short clips in English, 2 livestreams',
        responseDeadline,
      },
    });
  // A request is answered before its deadline, which cannot already be past when it is sent.
  let joint = await jointRequest(calendar.at(1, '10:00'));
  // Demo data loaded before past deadlines were refused carries the earlier one under the same key: replay it.
  if (joint.error?.code === 'idempotency.key_reused') joint = await jointRequest(calendar.at(-51, '10:00'));
  if (!joint.data) throw new Error(`Seeding the joint request: ${JSON.stringify(joint.error)}`);
  const accepted = await manager.POST('/v1/campaign-requests/{id}/accept', {
    params: { path: { id: joint.data.id }, header: key('hanoi-convention-accept') },
    body: { note: 'Accepted; briefs to follow' },
  });
  const campaignId = accepted.data?.campaignId ?? joint.data.campaignId;
  if (campaignId) {
    const activated = await manager.POST('/v1/campaigns/{id}/activate', {
      params: { path: { id: campaignId }, header: key('hanoi-convention-activate') },
    });
    if (!activated.response.ok && activated.response.status !== 409)
      throw new Error(`Seeding the campaign: ${JSON.stringify(activated.error)}`);
    await seedAssignments(baseUrl, key, calendar, campaignId, creators);
  }

  const waiting = await createConcordClient({ baseUrl, token: await devToken(baseUrl, 'liaison@hcmc') }).POST(
    '/v1/campaign-requests',
    {
      params: { header: key('hcmc-public-services-request') },
      body: {
        title: 'Giải thích thủ tục hành chính trực tuyến — TP.HCM',
        objective: 'Creator clubs explain online public services to Ho Chi Minh City residents',
        keyMessages: ['Nộp hồ sơ trực tuyến, không cần xếp hàng'],
        proposedPeriod: { start: calendar.day(36), end: calendar.day(121) },
        expectedDeliverables: '30 short videos in Vietnamese',
        responseDeadline: calendar.at(15, '10:00'),
      },
    },
  );
  if (!waiting.data) throw new Error(`Seeding the HCMC request: ${JSON.stringify(waiting.error)}`);
  return 2;
}

/**
 * The joint campaign's brief, offered to the demo creators of the management
 * company whose agreement is active; a few of them answer (accept, decline).
 * The agreement's activation reaches tasking as an event, so the fan-out is
 * tried again (with a new key) until it finds them covered.
 */
async function seedAssignments(
  baseUrl: string,
  key: (step: string) => Record<string, string>,
  calendar: DemoCalendar,
  campaignId: string,
  creators: DemoCreatorLogin[],
): Promise<void> {
  if (creators.length === 0) return;
  const manager = createConcordClient({ baseUrl, token: await devToken(baseUrl, 'manager@mcst') });
  const brief = await manager.POST('/v1/campaigns/{id}/briefs', {
    params: { path: { id: campaignId }, header: key('hanoi-convention-brief') },
    body: {
      kind: 'short_video',
      title: 'Lễ mở ký trong 60 giây — The signing in 60 seconds',
      keyMessages: ['Việt Nam là nước chủ nhà lễ mở ký'],
      platforms: ['tiktok', 'facebook'],
      languages: ['en', 'vi'],
      dueAt: calendar.at(12, '10:00'),
      quantity: 1,
      feePerDeliverable: 3_000_000,
    },
  });
  if (!brief.data) throw new Error(`Seeding the brief: ${JSON.stringify(brief.error)}`);
  let offered: { creatorId: string; assignmentId: string | null; outcome: string }[] = [];
  for (let attempt = 1; attempt <= 20 && offered.length === 0; attempt++) {
    const fanOut = await manager.POST('/v1/briefs/{id}/assignments', {
      params: { path: { id: brief.data.id }, header: key(`hanoi-convention-fan-out-${attempt}`) },
      body: { creatorIds: creators.map((c) => c.id) },
    });
    // 409: the brief is past due (a demo loaded more than twelve days ago); nothing more to offer.
    if (fanOut.response.status === 409) return;
    if (!fanOut.data) throw new Error(`Seeding the fan-out: ${JSON.stringify(fanOut.error)}`);
    offered = fanOut.data.results.filter((r) => r.outcome === 'offered');
    if (offered.length === 0) await new Promise((r) => setTimeout(r, 500));
  }
  // Six accept, one declines, the rest leave the offer open.
  const answers: ('accept' | 'decline')[] = ['accept', 'accept', 'accept', 'accept', 'accept', 'accept', 'decline'];
  const authors: DemoAuthor[] = [];
  for (const [i, answer] of answers.entries()) {
    const result = offered[i];
    const creator = creators.find((c) => c.id === result?.creatorId);
    if (!result?.assignmentId || !creator) continue;
    const me: ConcordClient = createConcordClient({
      baseUrl,
      token: await devToken(baseUrl, `creator@${creator.handle}`),
    });
    const params = {
      params: { path: { id: result.assignmentId } },
      body: answer === 'decline' ? { note: 'Đang đi công tác nước ngoài tuần đó' } : {},
    };
    const answered =
      answer === 'accept'
        ? await me.POST('/v1/assignments/{id}/accept', params)
        : await me.POST('/v1/assignments/{id}/decline', params);
    if (!answered.response.ok && answered.response.status !== 409)
      throw new Error(`Seeding an answer: ${JSON.stringify(answered.error)}`);
    if (answer === 'accept')
      authors.push({ handle: creator.handle, assignmentId: result.assignmentId, channels: creator.channels });
  }
  await seedDemoSubmissions(baseUrl, key, calendar, authors);
}
