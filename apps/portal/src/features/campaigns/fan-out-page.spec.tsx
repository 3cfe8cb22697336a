/**
 * @jest-environment jsdom
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { tokenStore } from '../../session/token-store';
import { renderRoutes, staffMember } from '../../test/render';
import { fakeClient, type Call } from '../../test/fake-client';
import { aBrief, aCampaign, BRIEF_ID as BRIEF, CAMPAIGN_ID as CAMPAIGN } from '../../test/fixtures';
import FanOutPage from './fan-out-page';

const FAN_OUT = '0190f1a2-0000-7000-8000-0000000000f1';
const manager = staffMember('manager@mcst', 'Phạm Đức Anh', 'mcst-ttcs', ['campaign_manager']);
const campaign = aCampaign({ status: 'active', version: 2 });
const brief = aBrief();
const base = {
  id: FAN_OUT,
  briefId: BRIEF,
  campaignId: CAMPAIGN,
  target: 'filter',
  createdBy: 'manager@mcst',
  createdAt: '2026-11-30T09:00:00Z',
  nextCursor: null,
};
const result = (id: string, name: string, outcome: 'offered' | 'skipped', reason: string | null) => ({
  creatorId: `0190f1a2-0000-7000-8000-00000000000${id}`,
  displayName: name,
  outcome,
  reason,
  detail: 'in English',
  assignmentId: null,
  overridden: [],
});
const results = [
  result('1', 'Hữu Phước', 'offered', null),
  result('2', 'Khánh Vy', 'skipped', 'no_agreement'),
  result('3', 'Quang Linh', 'skipped', 'suspended'),
];

/** Polls report the state the POST answered with until the test lets the fan-out finish. */
function renderPage(progress: { finished: boolean }) {
  const client = fakeClient({
    'GET /v1/me': () => ({ status: 200, body: manager }),
    'GET /v1/campaigns/{id}': () => ({ status: 200, body: campaign }),
    'GET /v1/campaigns/{id}/briefs': () => ({ status: 200, body: { items: [brief] } }),
    'POST /v1/briefs/{id}/assignments': () => ({
      status: 201,
      body: {
        ...base,
        status: 'running',
        total: 3,
        processed: 1,
        offered: 1,
        skipped: 0,
        skippedByReason: {},
        completedAt: null,
        results: results.slice(0, 1),
      },
    }),
    'GET /v1/fan-outs/{id}': (call: Call) => {
      const query = call.init.params?.query ?? {};
      if (query.limit === 1) {
        const done = progress.finished;
        return {
          status: 200,
          body: {
            ...base,
            status: done ? 'completed' : 'running',
            total: 3,
            processed: done ? 3 : 1,
            offered: 1,
            skipped: done ? 2 : 0,
            skippedByReason: done ? { no_agreement: 1, suspended: 1 } : {},
            completedAt: done ? '2026-11-30T09:00:05Z' : null,
            results: [],
          },
        };
      }
      const kept = results.filter(
        (r) => (!query.outcome || r.outcome === query.outcome) && (!query.reason || r.reason === query.reason),
      );
      return {
        status: 200,
        body: {
          ...base,
          status: 'completed',
          total: 3,
          processed: 3,
          offered: 1,
          skipped: 2,
          skippedByReason: { no_agreement: 1, suspended: 1 },
          completedAt: '2026-11-30T09:00:05Z',
          results: kept,
        },
      };
    },
  });
  renderRoutes(
    {
      '/campaigns/:id/briefs/:briefId/fan-out': <FanOutPage pollMs={40} />,
      '/fan-outs/:fanOutId': <FanOutPage pollMs={40} />,
    },
    { client, at: `/campaigns/${CAMPAIGN}/briefs/${BRIEF}/fan-out` },
  );
  return client;
}

describe('offering a brief to creators (fan-out)', () => {
  beforeEach(() => tokenStore.set('a-token'));

  it('sends the filter, shows a live progress bar, then each outcome with the skip reason in words', async () => {
    const progress = { finished: false };
    const client = renderPage(progress);
    await screen.findByRole('heading', { name: 'Offer “The signing in 60 seconds” to creators' });
    fireEvent.change(await screen.findByLabelText('Topic'), { target: { value: 'diplomacy' } });
    fireEvent.change(screen.getByLabelText('Minimum followers'), { target: { value: '50.000' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Offer the brief' })));

    const post = client.calls.find((c) => c.method === 'POST');
    expect(post?.init.params?.path).toEqual({ id: BRIEF });
    expect(post?.init.body).toEqual({ filter: { topic: 'diplomacy', minFollowers: 50000 }, overrides: [] });
    expect(post?.init.params?.header?.['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);

    // Still running: the bar shows how far it got, and says so in words.
    const bar = await screen.findByRole('progressbar', { name: 'Offering the brief' });
    expect(bar.getAttribute('value')).toBe('1');
    expect(bar.getAttribute('max')).toBe('3');
    expect(screen.getByText('1 of 3 creators looked at: 1 offered, 0 skipped.')).toBeTruthy();
    const polls = () =>
      client.calls.filter((c) => c.path === '/v1/fan-outs/{id}' && c.init.params?.query?.limit === 1).length;
    await waitFor(() => expect(polls()).toBeGreaterThanOrEqual(1));
    expect(screen.getByRole('progressbar').getAttribute('value')).toBe('1');

    // Polled until complete.
    progress.finished = true;
    expect(
      await screen.findByText('Complete: 3 creators looked at, 1 offered, 2 skipped.', {}, { timeout: 3000 }),
    ).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('value')).toBe('3');
    expect(polls()).toBeGreaterThanOrEqual(2);

    const table = await screen.findByRole('table', { name: "Each creator's outcome" });
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(name) });
    expect(within(row('Hữu Phước')).getByText('Offered')).toBeTruthy();
    expect(
      within(row('Khánh Vy')).getByText('No active agreement covers the due date and a platform of the brief'),
    ).toBeTruthy();
    expect(within(row('Quang Linh')).getByText('Suspended')).toBeTruthy();
    expect(screen.queryByText('in English')).toBeNull();

    // Filtered by outcome: the API is asked for the skipped ones only.
    await act(async () => fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'skipped' } }));
    await screen.findByRole('table', { name: "Each creator's outcome" });
    const last = client.calls.filter((c) => c.path === '/v1/fan-outs/{id}').pop();
    expect(last?.init.params?.query).toMatchObject({ outcome: 'skipped' });
    expect(await within(screen.getByRole('table')).findAllByRole('row')).toHaveLength(3);
    expect(within(screen.getByRole('table')).queryByText('Hữu Phước')).toBeNull();
  });

  it('asks for at least one creator before sending chosen creators', async () => {
    const client = renderPage({ finished: false });
    fireEvent.click(await screen.findByRole('radio', { name: 'Creators I choose' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Offer the brief' })));
    expect(screen.getByText('Choose at least one creator.')).toBeTruthy();
    expect(client.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
