import { createConcordClient, devToken } from '@concord/client';

/**
 * A joint campaign in progress: the Foreign Ministry's request, accepted by
 * the lead agency and active; and one request still waiting in the inbox.
 * Stable Idempotency-Keys make a second run change nothing.
 */
export async function seedDemoCampaigns(baseUrl: string, version: string): Promise<number> {
  const mofa = createConcordClient({ baseUrl, token: await devToken(baseUrl, 'liaison@mofa') });
  const manager = createConcordClient({ baseUrl, token: await devToken(baseUrl, 'manager@mcst') });
  const key = (step: string) => ({ 'Idempotency-Key': `demo-${version}-campaign-${step}` });

  const joint = await mofa.POST('/v1/campaign-requests', {
    params: { header: key('hanoi-convention-request') },
    body: {
      title: 'Lễ mở ký Công ước Hà Nội — video ngắn tiếng Anh',
      objective: 'Explain the Hanoi Convention signing to foreign audiences through creators with international followings',
      keyMessages: ['Việt Nam là nước chủ nhà lễ mở ký', 'Hợp tác quốc tế phòng chống tội phạm mạng'],
      proposedPeriod: { start: '2026-10-20', end: '2026-12-20' },
      expectedDeliverables: '10 short clips in English, 2 livestreams',
      responseDeadline: '2026-10-10T10:00:00Z',
    },
  });
  if (!joint.data) throw new Error(`Seeding the joint request: ${JSON.stringify(joint.error)}`);
  const accepted = await manager.POST('/v1/campaign-requests/{id}/accept', {
    params: { path: { id: joint.data.id }, header: key('hanoi-convention-accept') },
    body: { note: 'Accepted; briefs to follow' },
  });
  const campaignId = accepted.data?.campaignId ?? joint.data.campaignId;
  if (campaignId) {
    const activated = await manager.POST('/v1/campaigns/{id}/activate', { params: { path: { id: campaignId }, header: key('hanoi-convention-activate') } });
    if (!activated.response.ok && activated.response.status !== 409) throw new Error(`Seeding the campaign: ${JSON.stringify(activated.error)}`);
  }

  const waiting = await createConcordClient({ baseUrl, token: await devToken(baseUrl, 'liaison@hcmc') }).POST('/v1/campaign-requests', {
    params: { header: key('hcmc-public-services-request') },
    body: {
      title: 'Giải thích thủ tục hành chính trực tuyến — TP.HCM',
      objective: 'Creator clubs explain online public services to Ho Chi Minh City residents',
      keyMessages: ['Nộp hồ sơ trực tuyến, không cần xếp hàng'],
      proposedPeriod: { start: '2027-01-05', end: '2027-03-31' },
      expectedDeliverables: '30 short videos in Vietnamese',
      responseDeadline: '2026-12-15T10:00:00Z',
    },
  });
  if (!waiting.data) throw new Error(`Seeding the HCMC request: ${JSON.stringify(waiting.error)}`);
  return 2;
}
