/**
 * @jest-environment jsdom
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { tokenStore } from '../../session/token-store';
import { renderRoutes, staffMember } from '../../test/render';
import { fakeClient, type Call } from '../../test/fake-client';
import CampaignReportPage from './campaign-report-page';

const CAMPAIGN = '0190f1a2-0000-7000-8000-0000000000c1';
const me = staffMember('manager@mcst', 'Trần Minh', 'mcst-ttcs', ['campaign_manager']);
const figures = (views: number) => ({ views, likes: 10, comments: 2, shares: 1 });
const report = {
  campaignId: CAMPAIGN,
  generatedAt: '2026-12-05T08:00:00.000Z',
  totals: { publications: 3, ...figures(3100000) },
  targets: { views: 12400000, publications: null },
  progress: { views: 0.25, publications: null },
  byPlatform: [
    { platform: 'facebook', publications: 1, ...figures(600000) },
    { platform: 'tiktok', publications: 2, ...figures(2500000) },
  ],
  byCreator: [
    { creatorId: 'cr-1', creatorName: 'Hữu Phước', publications: 2, ...figures(2500000) },
    { creatorId: 'cr-2', creatorName: 'Lan Anh Travel', publications: 1, ...figures(600000) },
  ],
  // Cumulative, as the server reports it: every publication's latest reading by the end of the day, summed.
  byDay: [
    { day: '2026-12-01', ...figures(850000) },
    { day: '2026-12-03', ...figures(3100000) },
  ],
};

function renderReport(csv: (call: Call) => { status: number; body: unknown }) {
  const client = fakeClient({
    'GET /v1/me': { status: 200, body: me },
    'GET /v1/campaigns/{id}': {
      status: 200,
      body: {
        id: CAMPAIGN,
        title: 'Hội nghị Hà Nội',
        ownerAgencyId: 'mcst-ttcs',
        partnerAgencyIds: [],
        status: 'active',
      },
    },
    'GET /v1/campaigns/{id}/report': { status: 200, body: report },
    'GET /v1/campaigns/{id}/report.csv': csv,
  });
  renderRoutes({ '/campaigns/:id/report': <CampaignReportPage /> }, { client, at: `/campaigns/${CAMPAIGN}/report` });
  return client;
}

const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((row) => Array.from(row.querySelectorAll('th, td'), (c) => c.textContent));

describe('the campaign report', () => {
  beforeEach(() => tokenStore.set('a-token'));
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('shows totals against the targets, and each chart with a summary and its figures as a table', async () => {
    renderReport(() => ({ status: 200, body: new Blob(['x']) }));
    await screen.findByRole('heading', { level: 1, name: 'Report: Hội nghị Hà Nội' });
    await screen.findByRole('heading', { name: 'Totals' });

    expect(cells(screen.getByRole('table', { name: "Against the campaign's targets" }))).toEqual([
      ['Measure', 'So far', 'Target', 'Reached'],
      ['Views', '3,100,000', '12,400,000', '25%'],
      ['Publications', '3', 'No target', '—'],
    ]);

    const overTime = screen.getByRole('figure', { name: 'Views so far, day by day' });
    expect(overTime.getAttribute('aria-describedby')).toBeTruthy();
    // The summary says the report's total (3,100,000), not the days added up (3,950,000).
    expect(
      within(overTime).getByText(
        '3,100,000 views by 3 Dec 2026 (first reading 1 Dec 2026); the most new views on 3 Dec 2026 (2,250,000).',
      ),
    ).toBeTruthy();
    // The day without a reading keeps the last figures, not zero.
    expect(
      cells(
        screen.getByRole('table', {
          name: 'Reach by the end of each day (a day without a reading keeps the last figures)',
        }),
      )
        .slice(1)
        .map((row) => [row[0], row[1], row[5]]),
    ).toEqual([
      ['1 Dec 2026', '850,000', '850,000'],
      ['2 Dec 2026', '850,000', '0'],
      ['3 Dec 2026', '3,100,000', '2,250,000'],
    ]);

    expect(
      within(screen.getByRole('figure', { name: 'Views per platform' })).getByText(
        'Platforms: 2. The most views on TikTok (2,500,000).',
      ),
    ).toBeTruthy();
    expect(
      cells(screen.getByRole('table', { name: 'Reach per platform' }))
        .slice(1)
        .map((row) => [row[0], row[2]]),
    ).toEqual([
      ['TikTok', '2,500,000'],
      ['Facebook', '600,000'],
    ]);
    const creators = screen.getByRole('table', { name: 'Reach per creator, the most viewed first' });
    expect(within(creators).getByRole('link', { name: 'Hữu Phước' }).getAttribute('href')).toBe('/creators/cr-1');
  });

  it('downloads the CSV with the signed-in client and hands it to the browser as a file', async () => {
    const blob = new Blob(['\uFEFFkind,key\r\n'], { type: 'text/csv' });
    const createObjectURL = jest.fn((_: Blob) => 'blob:report');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    let downloaded: { href: string; download: string } | undefined;
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloaded = { href: this.href, download: this.download };
    });
    const client = renderReport(() => ({ status: 200, body: blob }));
    await screen.findByRole('heading', { name: 'Totals' });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Download CSV' })));

    const call = client.calls.find((c) => c.path === '/v1/campaigns/{id}/report.csv')!;
    expect(call.init.params?.path).toEqual({ id: CAMPAIGN });
    expect((call.init as { parseAs?: string }).parseAs).toBe('blob');
    expect(createObjectURL).toHaveBeenCalledWith(blob);
    expect(downloaded).toEqual({ href: 'blob:report', download: 'hoi-nghi-ha-noi-report-2026-12-05.csv' });
  });

  it('says why the CSV could not be made', async () => {
    renderReport(() => ({ status: 403, body: { code: 'auth.forbidden', detail: 'Forbidden', title: 'Forbidden' } }));
    await screen.findByRole('heading', { name: 'Totals' });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Download CSV' })));
    expect(screen.getByRole('alert').textContent).not.toContain('Forbidden');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
