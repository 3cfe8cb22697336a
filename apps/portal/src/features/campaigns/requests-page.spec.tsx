/**
 * @jest-environment jsdom
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { tokenStore } from '../../session/token-store';
import { renderRoutes, staffMember } from '../../test/render';
import { fakeClient, type Call } from '../../test/fake-client';
import RequestPage from './request-page';
import RequestsPage from './requests-page';

const REQUEST_ID = '0190f1a2-0000-7000-8000-0000000000r1';
const CAMPAIGN_ID = '0190f1a2-0000-7000-8000-0000000000c1';
const manager = staffMember('manager@mcst', 'Phạm Đức Anh', 'mcst-ttcs', ['campaign_manager']);
const request = {
  id: REQUEST_ID,
  fromAgencyId: 'mofa',
  toAgencyId: 'mcst-ttcs',
  title: 'Hanoi Convention signing — short clips in English',
  objective: 'Explain the signing to foreign audiences',
  keyMessages: ['Viet Nam hosts the signing'],
  proposedPeriod: { start: '2026-12-01', end: '2026-12-20' },
  expectedDeliverables: '10 short clips in English',
  responseDeadline: '2026-12-05T10:00:00Z',
  status: 'submitted',
  counterProposal: null,
  campaignId: null,
  statusHistory: [{ from: null, to: 'submitted', reason: null, at: '2026-11-30T08:00:00Z', by: 'liaison@mofa' }],
  createdBy: 'liaison@mofa',
  createdAt: '2026-11-30T08:00:00Z',
};

function renderAt(path: string, answers: Record<string, (call: Call) => { status: number; body: unknown }>) {
  const client = fakeClient({ 'GET /v1/me': () => ({ status: 200, body: manager }), ...answers });
  renderRoutes(
    {
      '/requests': <RequestsPage />,
      '/requests/:id': <RequestPage />,
      '/campaigns/:id': <p>campaign page</p>,
    },
    { client, at: path },
  );
  return client;
}

describe('joint campaign requests (inbox and answers)', () => {
  beforeEach(() => tokenStore.set('a-token'));

  it('shows a request in the inbox; accepting it sends the answer and links to the new campaign', async () => {
    let current: Record<string, unknown> = request;
    const client = renderAt('/requests', {
      'GET /v1/campaign-requests': () => ({ status: 200, body: { items: [request], nextCursor: null } }),
      'GET /v1/campaign-requests/{id}': () => ({ status: 200, body: current }),
      'POST /v1/campaign-requests/{id}/accept': () => {
        current = { ...request, status: 'accepted', campaignId: CAMPAIGN_ID };
        return { status: 200, body: current };
      },
    });

    const table = await screen.findByRole('table', { name: 'Requests sent to your agency' });
    const row = within(table).getByRole('row', { name: /Hanoi Convention signing/ });
    expect(within(row).getByText('Press and Information Department, Ministry of Foreign Affairs')).toBeTruthy();
    expect(within(row).getByText('Waiting for an answer')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Inbox' }).getAttribute('aria-selected')).toBe('true');
    expect(client.calls.find((c) => c.path === '/v1/campaign-requests')?.init.params?.query).toMatchObject({
      box: 'inbox',
    });

    await act(async () => fireEvent.click(within(row).getByRole('link', { name: request.title })));
    const accept = await screen.findByRole('button', { name: 'Accept the request' });
    expect(screen.getByRole('button', { name: 'Decline…' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Propose other terms…' })).toBeTruthy();
    await act(async () => fireEvent.click(accept));

    const post = client.calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/v1/campaign-requests/{id}/accept');
    expect(post?.init.params?.path).toEqual({ id: REQUEST_ID });
    expect(post?.init.body).toEqual({});
    expect(post?.init.params?.header?.['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
    expect(await screen.findByText('The request is accepted and the campaign has been created.')).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'Open the campaign' });
    expect(link.getAttribute('href')).toBe(`/campaigns/${CAMPAIGN_ID}`);
    // Answered: no answer is offered any more.
    expect(screen.queryByRole('button', { name: 'Accept the request' })).toBeNull();
  });

  it('asks for a reason before declining, and sends it', async () => {
    const client = renderAt(`/requests/${REQUEST_ID}`, {
      'GET /v1/campaign-requests/{id}': () => ({ status: 200, body: request }),
      'POST /v1/campaign-requests/{id}/decline': () => ({ status: 200, body: { ...request, status: 'declined' } }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Decline…' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Decline the request' })));
    expect(screen.getByLabelText('Reason for declining').getAttribute('aria-invalid')).toBe('true');
    expect(client.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Reason for declining'), { target: { value: 'No budget left this year' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Decline the request' })));
    expect(client.calls.find((c) => c.method === 'POST')?.init.body).toEqual({ reason: 'No budget left this year' });
  });
});
