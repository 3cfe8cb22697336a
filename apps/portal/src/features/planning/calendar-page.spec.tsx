/**
 * @jest-environment jsdom
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { tokenStore } from '../../session/token-store';
import { renderRoutes, staffMember } from '../../test/render';
import { fakeClient, type Call } from '../../test/fake-client';
import { readFileSync } from 'node:fs';
import CalendarPage from './calendar-page';

const CAMPAIGN = '0190f1a2-0000-7000-8000-0000000000c1';
const me = staffMember('manager@mcst', 'Trần Minh', 'mcst-ttcs', ['campaign_manager']);
const base = { campaignId: CAMPAIGN, ownerAgencyId: 'mcst-ttcs' };
const december = {
  from: '2026-12-01',
  to: '2026-12-31',
  items: [
    {
      ...base,
      kind: 'campaign',
      id: CAMPAIGN,
      title: 'Hanoi Convention',
      start: '2026-12-01T00:00:00.000Z',
      end: '2026-12-20T23:59:59.999Z',
      status: 'active',
    },
    {
      ...base,
      kind: 'brief',
      id: 'b1',
      title: 'The signing in 60 seconds',
      start: '2026-12-05T03:00:00.000Z',
      end: '2026-12-12T03:00:00.000Z',
      status: 'active',
    },
    {
      ...base,
      kind: 'assignment',
      id: 'a1',
      title: 'The signing in 60 seconds',
      start: '2026-12-05T03:00:00.000Z',
      end: '2026-12-12T03:00:00.000Z',
      status: 'accepted',
      creatorName: 'Hữu Phước',
    },
  ],
};

function renderCalendar(language: 'en' | 'vi' = 'en') {
  const client = fakeClient({
    'GET /v1/me': { status: 200, body: me },
    'GET /v1/calendar': (call: Call) =>
      call.init.params?.query?.from === '2026-12-01'
        ? { status: 200, body: december }
        : { status: 200, body: { from: call.init.params?.query?.from, to: call.init.params?.query?.to, items: [] } },
  });
  renderRoutes({ '/calendar': <CalendarPage /> }, { client, at: '/calendar?month=2026-12', language });
  return client;
}

describe('the planning calendar', () => {
  beforeEach(() => tokenStore.set('a-token'));

  it("lists the month's campaigns and, day by day, what starts, ends or falls due, linked to where it is followed", async () => {
    const client = renderCalendar();
    expect(await screen.findByRole('heading', { level: 2, name: 'December 2026' })).toBeTruthy();
    await screen.findByRole('heading', { name: 'Campaigns running this month' });
    expect(client.calls.find((c) => c.path === '/v1/calendar')?.init.params?.query).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });

    const running = screen.getByRole('region', { name: 'Campaigns running this month' });
    expect(within(running).getByRole('link', { name: 'Hanoi Convention' }).getAttribute('href')).toBe(
      `/campaigns/${CAMPAIGN}`,
    );

    const dueDay = screen.getByRole('listitem', { name: 'Saturday 12 December' });
    expect(within(dueDay).getByText('Brief due')).toBeTruthy();
    expect(
      within(dueDay).getByRole('link', { name: 'Hữu Phước: The signing in 60 seconds' }).getAttribute('href'),
    ).toBe(`/campaigns/${CAMPAIGN}/board#assignment-a1`);
    expect(
      within(screen.getByRole('listitem', { name: 'Sunday 20 December' })).getByText('Campaign ends'),
    ).toBeTruthy();
  });

  it('moves to the next month and says when nothing is planned', async () => {
    const client = renderCalendar();
    await screen.findByRole('heading', { name: 'Campaigns running this month' });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /^Next month/ })));
    expect(await screen.findByRole('heading', { level: 2, name: 'January 2027' })).toBeTruthy();
    expect(await screen.findByText('Nothing starts, ends or falls due this month.')).toBeTruthy();
    expect(client.calls.filter((c) => c.path === '/v1/calendar').pop()?.init.params?.query).toEqual({
      from: '2027-01-01',
      to: '2027-01-31',
    });
  });

  it('capitalises headings only as the language does: the first word, not every word', async () => {
    renderCalendar('vi');
    const heading = await screen.findByRole('heading', { level: 2, name: /2026/ });
    // "Tháng 12 năm 2026" (the browser may spell the month out: "tháng mười hai"); never "Năm" or "Mười Hai".
    expect(heading.textContent).toMatch(/^Tháng [^A-ZĐ]* 2026$/);
    // The stylesheet does not capitalise them word by word either.
    const css = readFileSync(new URL('../../styles.css', import.meta.url), 'utf8');
    expect(css.match(/\.(calendar-month|agenda-day h4)\s*\{[^}]*\}/g)?.join('\n')).not.toMatch(
      /text-transform:\s*capitalize/,
    );
  });
});
