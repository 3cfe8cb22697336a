/**
 * @jest-environment jsdom
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { createI18n } from '../i18n';
import { SessionProvider } from '../session/session';
import { tokenStore } from '../session/token-store';
import { fakeClient, type Call } from '../test/fake-client';
import SubmissionPage from './submission-page';

const ID = '0190f1a2-0000-7000-8000-0000000000aa';
const me = {
  user: { id: 'reviewer@mcst', name: 'Vũ Ngọc Lan' },
  agency: { id: 'mcst-ttcs' },
  creator: null,
  roles: ['reviewer'],
  permissions: [],
};
const stage = { key: 'agency_review', agencyId: 'mcst-ttcs', role: 'reviewer', quorum: 1, deadlineHours: 48, index: 0, dueAt: '2026-12-02T04:35:00Z', overdue: false, escalated: false, approvals: [] };
const submission = {
  id: ID, assignmentId: 'a', campaignId: 'c', ownerAgencyId: 'mcst-ttcs', partnerAgencyIds: [], creatorId: 'cr', creatorName: 'Hiếu Và Lễ Hội Hà Nội',
  platform: 'facebook', kind: 'short_video', plannedAt: '2026-12-10T09:00:00Z', status: 'in_review',
  stages: [stage], currentStage: stage,
  versions: [{
    number: 2, title: null, text: 'Việt Nam là nước chủ nhà lễ mở ký', media: [],
    checks: [{ check: 'disclosure_label', passed: false, detail: 'The disclosure label is missing' }], overrides: [],
    submittedBy: 'creator@hieu', submittedAt: '2026-11-30T04:35:00Z',
  }],
  comments: [], decisions: [], publication: null, timeline: [], version: 3, submittedBy: 'creator@hieu', createdAt: '2026-11-30T04:35:00Z',
};

function renderPage(decide: (call: Call) => { status: number; body: unknown }, shown: typeof submission = submission, language: 'en' | 'vi' = 'en', extra: Record<string, (call: Call) => { status: number; body: unknown }> = {}) {
  const client = fakeClient({
    'GET /v1/me': { status: 200, body: me },
    'GET /v1/submissions/{id}': { status: 200, body: shown },
    'POST /v1/submissions/{id}/decisions': decide,
    ...extra,
  });
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <SessionProvider client={client}>
        <MemoryRouter initialEntries={[`/submissions/${ID}`]}>
          <Routes>
            <Route path="/submissions/:id" element={<SubmissionPage />} />
          </Routes>
        </MemoryRouter>
      </SessionProvider>
    </I18nextProvider>,
  );
  return client;
}

const problem = (code: string, detail: string) => ({ type: `https://concord.gov.vn/problems/${code}`, title: code, code, detail });

describe('the review screen (decision form)', () => {
  beforeEach(() => tokenStore.set('a-token'));

  it('asks for a reason before requesting changes, and sends the stage and version looked at', async () => {
    const client = renderPage(() => ({ status: 200, body: submission }));
    await screen.findByRole('heading', { name: 'Your decision' });
    fireEvent.click(screen.getByLabelText('Request changes'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send the decision' })));
    const reason = screen.getByRole('textbox', { name: /^Reason/ });
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('decision-reason-error')?.textContent).toBe('Give the creator a reason.');
    expect(client.calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.change(reason, { target: { value: 'Add the English sentence' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send the decision' })));
    const posted = client.calls.filter((c) => c.method === 'POST');
    expect(posted).toHaveLength(1);
    expect(posted[0].init.body).toEqual({ decision: 'request_changes', stage: 0, version: 2, reason: 'Add the English sentence' });
    expect(await screen.findByText('You asked the creator for changes.')).toBeTruthy();
  });

  it('says someone decided meanwhile on a stale decision, with a way to reload', async () => {
    renderPage(() => ({ status: 409, body: problem('submission.stage_changed', 'The review moved on') }));
    await screen.findByRole('heading', { name: 'Your decision' });
    fireEvent.click(screen.getByLabelText('Approve'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send the decision' })));
    expect((await screen.findByText(/Someone decided meanwhile/)).textContent).toContain('Reload');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  it('shows failing checks next to the checks when approval is refused', async () => {
    renderPage(() => ({ status: 409, body: problem('submission.checks_failing', 'Checks fail') }));
    await screen.findByRole('heading', { name: 'Your decision' });
    fireEvent.click(screen.getByLabelText('Approve'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send the decision' })));
    await waitFor(() => expect(document.getElementById('checks-problem')).not.toBeNull());
    expect(document.getElementById('checks')?.contains(document.getElementById('checks-problem'))).toBe(true);
    expect(document.getElementById('checks-problem')?.textContent).toContain('Automatic checks are failing');
  });

  it("words the checks' findings and the stage in the reader's language, from the API's codes", async () => {
    const found = {
      ...submission,
      versions: [{
        ...submission.versions[0],
        checks: [
          { check: 'required_hashtags', passed: false, finding: 'hashtags_missing', values: ['#CôngƯớcHàNội'], detail: 'Missing #CôngƯớcHàNội' },
          { check: 'platform_limits', passed: false, finding: 'too_long', values: [], overruns: [{ part: 'caption', length: 63_300, limit: 63_206 }], detail: 'Too long' },
        ],
      }],
    } as unknown as typeof submission;
    renderPage(() => ({ status: 200, body: found }), found, 'vi');
    const checks = await screen.findByRole('heading', { name: 'Kiểm tra tự động' });
    const list = checks.parentElement!.textContent!;
    expect(list).toContain('Thiếu #CôngƯớcHàNội');
    expect(list).toContain('Quá dài cho Facebook: chú thích 63300/63206 ký tự');
    expect(list).not.toContain('Missing');
    expect(document.body.textContent).toContain('Cơ quan duyệt');
  });

  it('shows the changes side by side: the earlier version with its removals, the later with its additions', async () => {
    const v1 = { ...submission.versions[0], number: 1, text: 'Việt Nam là nước chủ nhà' };
    const v2 = { ...submission.versions[0], number: 2, text: 'Việt Nam là chủ nhà trang trọng' };
    const twoVersions = { ...submission, versions: [v1, v2] };
    const client = renderPage(() => ({ status: 200, body: twoVersions }), twoVersions, 'en', {
      'GET /v1/submissions/{id}/diff': () => ({
        status: 200,
        body: {
          from: 1, to: 2, title: [],
          text: [{ op: 'equal', text: 'Việt Nam là ' }, { op: 'delete', text: 'nước ' }, { op: 'equal', text: 'chủ nhà' }, { op: 'insert', text: ' trang trọng' }],
        },
      }),
    });
    const before = await screen.findByRole('group', { name: 'Version 1, what was removed' });
    const after = screen.getByRole('group', { name: 'Version 2, what was added' });
    expect(before.querySelector('.content-text')?.textContent).toBe('Việt Nam là nước chủ nhà');
    expect(before.querySelector('del')?.textContent).toBe('nước ');
    expect(before.querySelector('ins')).toBeNull();
    expect(after.querySelector('.content-text')?.textContent).toBe('Việt Nam là chủ nhà trang trọng');
    expect(after.querySelector('ins')?.textContent).toBe(' trang trọng');
    expect(client.calls.find((c) => c.path === '/v1/submissions/{id}/diff')?.init.params?.query).toEqual({ from: 1, to: 2 });
  });
});
