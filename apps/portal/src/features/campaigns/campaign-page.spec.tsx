/**
 * @jest-environment jsdom
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { tokenStore } from '../../session/token-store';
import { renderRoutes, staffMember } from '../../test/render';
import { fakeClient, type Call } from '../../test/fake-client';
import { aBrief, aCampaign, BRIEF_ID as BRIEF, CAMPAIGN_ID as CAMPAIGN } from '../../test/fixtures';
import CampaignPage from './campaign-page';

const manager = staffMember('manager@mcst', 'Phạm Đức Anh', 'mcst-ttcs', ['campaign_manager']);
const liaison = staffMember('liaison@mofa', 'Ngô Thanh Hương', 'mofa', ['liaison']);
const planning = aCampaign();
const brief = aBrief({ feePerDeliverable: 3000000 });

function renderPage(me: unknown, extra: Record<string, (call: Call) => { status: number; body: unknown }> = {}) {
  let campaign: Record<string, unknown> = planning;
  let briefs: unknown[] = [];
  const client = fakeClient({
    'GET /v1/me': () => ({ status: 200, body: me }),
    'GET /v1/campaigns/{id}': () => ({ status: 200, body: campaign }),
    'GET /v1/campaigns/{id}/briefs': () => ({ status: 200, body: { items: briefs } }),
    'GET /v1/campaigns/{id}/assignment-progress': () => ({
      status: 200,
      body: { campaignId: CAMPAIGN, byStatus: {}, total: 0 },
    }),
    'POST /v1/campaigns/{id}/activate': () => {
      campaign = { ...planning, status: 'active', version: 2 };
      return { status: 200, body: campaign };
    },
    'POST /v1/campaigns/{id}/briefs': (call) => {
      briefs = [{ ...brief, title: (call.init.body as { title: string }).title }];
      return { status: 201, body: briefs[0] };
    },
    ...extra,
  });
  renderRoutes({ '/campaigns/:id': <CampaignPage /> }, { client, at: `/campaigns/${CAMPAIGN}` });
  return client;
}

describe('the campaign page', () => {
  beforeEach(() => tokenStore.set('a-token'));

  it('lets the manager activate the campaign, add a brief, and offer it to creators', async () => {
    const client = renderPage(manager);
    await screen.findByRole('heading', { level: 1, name: 'Hanoi Convention' });
    expect(screen.getByText('#HanoiConvention')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Assignments board' }).getAttribute('href')).toBe(
      `/campaigns/${CAMPAIGN}/board`,
    );
    expect(screen.getByRole('link', { name: 'Report' }).getAttribute('href')).toBe(`/campaigns/${CAMPAIGN}/report`);

    await act(async () => fireEvent.click(await screen.findByRole('button', { name: 'Activate the campaign' })));
    expect(await screen.findByText('The campaign is active: its briefs can now be offered to creators.')).toBeTruthy();
    expect(
      client.calls.find((c) => c.path === '/v1/campaigns/{id}/activate')?.init.params?.header?.['Idempotency-Key'],
    ).toMatch(/^[0-9a-f]{32}$/);

    fireEvent.click(screen.getByRole('button', { name: 'Add brief' }));
    const form = screen.getByRole('form', { name: 'Add a brief' });
    fireEvent.change(within(form).getByLabelText('Brief title'), { target: { value: 'The signing in 60 seconds' } });
    fireEvent.change(within(form).getByLabelText('Due'), { target: { value: '2026-12-12T10:00' } });
    fireEvent.change(within(form).getByLabelText(/Fee per deliverable/), { target: { value: '3.000.000' } });
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Add the brief' })));

    const post = client.calls.find((c) => c.path === '/v1/campaigns/{id}/briefs' && c.method === 'POST');
    expect(post?.init.body).toMatchObject({
      kind: 'short_video',
      title: 'The signing in 60 seconds',
      keyMessages: ['Viet Nam hosts the signing'],
      platforms: ['tiktok', 'facebook'],
      languages: ['vi'],
      quantity: 1,
      feePerDeliverable: 3000000,
    });
    const offer = await screen.findByRole('link', { name: 'Offer to creators: The signing in 60 seconds' });
    expect(offer.getAttribute('href')).toBe(`/campaigns/${CAMPAIGN}/briefs/${BRIEF}/fan-out`);
  });

  it("shows a partner agency the campaign without the lead agency's actions", async () => {
    renderPage(liaison, {
      'GET /v1/campaigns/{id}/briefs': () => ({
        status: 200,
        body: { items: [{ ...brief, feePerDeliverable: undefined }] },
      }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Hanoi Convention' });
    await screen.findByRole('heading', { name: 'The signing in 60 seconds' });
    expect(screen.queryByRole('button', { name: 'Activate the campaign' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add brief' })).toBeNull();
    expect(screen.queryByRole('link', { name: /Offer to creators/ })).toBeNull();
  });
});
