/**
 * @jest-environment jsdom
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { assignmentFixture } from './fixtures';
import { tokenStore } from '../../session/token-store';
import { renderRoutes, staffMember } from '../../test/render';
import { fakeClient, type Call } from '../../test/fake-client';
import AssignmentsBoardPage from './assignments-board-page';

const CAMPAIGN = '0190f1a2-0000-7000-8000-0000000000c1';
const manager = staffMember('manager@mcst', 'Trần Minh', 'mcst-ttcs', ['campaign_manager']);
const auditor = { ...manager, user: { id: 'auditor@mcst', name: 'Lê Hà' }, roles: ['auditor'] };
const campaign = {
  id: CAMPAIGN,
  title: 'Hanoi Convention',
  ownerAgencyId: 'mcst-ttcs',
  partnerAgencyIds: [],
  status: 'active',
  version: 2,
};

const brief = assignmentFixture({ id: 'x' }).brief;
const offered = assignmentFixture({ id: 'as-1', status: 'offered', creatorName: 'Hữu Phước', overdue: true });
const accepted = assignmentFixture({
  id: 'as-2',
  status: 'accepted',
  creatorName: 'Lan Anh Travel',
  creatorId: 'cr-2',
  brief: { ...brief, title: 'Behind the scenes' },
});
const published = assignmentFixture({
  id: 'as-3',
  status: 'published',
  creatorName: 'Hiếu Và Lễ Hội',
  creatorId: 'cr-3',
});

function renderBoard(me: unknown, answers: Record<string, (call: Call) => { status: number; body: unknown }> = {}) {
  const client = fakeClient({
    'GET /v1/me': { status: 200, body: me },
    'GET /v1/campaigns/{id}': { status: 200, body: campaign },
    'GET /v1/assignments': (call) =>
      call.init.params?.query?.cursor === 'page-2'
        ? { status: 200, body: { items: [published], nextCursor: null } }
        : { status: 200, body: { items: [offered, accepted], nextCursor: 'page-2' } },
    ...answers,
  });
  renderRoutes({ '/campaigns/:id/board': <AssignmentsBoardPage /> }, { client, at: `/campaigns/${CAMPAIGN}/board` });
  return client;
}

const column = (name: RegExp) => screen.getByRole('region', { name });

describe('the assignments board', () => {
  beforeEach(() => tokenStore.set('a-token'));

  it("shows every page of the campaign's assignments in a column per state, with creator, brief, due date and overdue flag", async () => {
    const client = renderBoard(auditor);
    await screen.findByRole('heading', { level: 1, name: 'Assignments board: Hanoi Convention' });
    await screen.findByText('Hiếu Và Lễ Hội');
    expect(client.calls.filter((c) => c.path === '/v1/assignments').map((c) => c.init.params?.query)).toEqual([
      { campaignId: CAMPAIGN, limit: 200 },
      { campaignId: CAMPAIGN, limit: 200, cursor: 'page-2' },
    ]);
    expect(screen.getByText('Assignments: 3. Overdue: 1.')).toBeTruthy();

    const offeredColumn = column(/^Offered/);
    expect(within(offeredColumn).getByRole('heading', { level: 2 }).textContent).toBe('Offered (1)');
    const card = within(offeredColumn).getByRole('listitem', { name: 'The signing in 60 seconds' });
    expect(within(card).getByRole('link', { name: 'Hữu Phước' }).getAttribute('href')).toBe(
      `/creators/${offered.creatorId}`,
    );
    expect(within(card).getByText('Overdue')).toBeTruthy();
    expect(within(card).getByText(/^Due /)).toBeTruthy();
    expect(within(column(/^Accepted/)).getByRole('link', { name: 'Lan Anh Travel' })).toBeTruthy();
    expect(within(column(/^Published/)).getByRole('link', { name: 'Hiếu Và Lễ Hội' })).toBeTruthy();
    expect(within(column(/^Cancelled/)).getByText('None.')).toBeTruthy();
    // An auditor follows the board but may not cancel.
    expect(screen.queryByRole('button', { name: /^Cancel the assignment of/ })).toBeNull();
  });

  it('lets a campaign manager cancel work not yet submitted, asking for a reason first', async () => {
    let cancelled = false;
    const client = renderBoard(manager, {
      'POST /v1/assignments/{id}/cancel': () => {
        cancelled = true;
        return { status: 200, body: { ...offered, status: 'cancelled' } };
      },
      'GET /v1/assignments': () => ({
        status: 200,
        body: {
          items: cancelled
            ? [{ ...offered, status: 'cancelled' }, accepted, published]
            : [offered, accepted, published],
          nextCursor: null,
        },
      }),
    });
    await screen.findByText('Hiếu Và Lễ Hội');
    // Published work cannot be cancelled: only the offered and the accepted card offer it.
    expect(screen.getAllByRole('button', { name: /^Cancel the assignment of/ })).toHaveLength(2);
    fireEvent.click(
      screen.getByRole('button', { name: 'Cancel the assignment of Hữu Phước: The signing in 60 seconds' }),
    );
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel the assignment' })));
    const reason = screen.getByLabelText(/Reason for cancelling/);
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(reason.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent).toBe(
      'Give the creator a reason.',
    );
    expect(client.calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(reason, { target: { value: 'The creator is abroad that week' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel the assignment' })));
    const post = client.calls.find((c) => c.method === 'POST')!;
    expect(post.init.params?.path).toEqual({ id: 'as-1' });
    expect(post.init.body).toEqual({ reason: 'The creator is abroad that week' });
    expect(post.init.params?.header?.['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
    await waitFor(() => expect(within(column(/^Cancelled/)).getByRole('link', { name: 'Hữu Phước' })).toBeTruthy());
    expect(screen.getByText('The assignment of Hữu Phước (The signing in 60 seconds) is cancelled.')).toBeTruthy();
  });

  it('says why the API refused a cancellation, and keeps the reason typed', async () => {
    renderBoard(manager, {
      'POST /v1/assignments/{id}/cancel': () => ({
        status: 409,
        body: {
          code: 'assignment.status_transition_forbidden',
          detail: 'An assignment that is submitted cannot cancel',
          title: 'Conflict',
        },
      }),
    });
    await screen.findByText('Lan Anh Travel');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel the assignment of Lan Anh Travel: Behind the scenes' }));
    fireEvent.change(screen.getByLabelText(/Reason for cancelling/), { target: { value: 'Budget cut' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel the assignment' })));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The assignment cannot take this step in its current state.',
    );
    expect((screen.getByLabelText(/Reason for cancelling/) as HTMLTextAreaElement).value).toBe('Budget cut');
  });
});
