/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import { renderInPortal } from '../../test/render';
import { fakeClient, type Call } from '../../test/fake-client';
import { assignmentFixture } from './fixtures';
import { MyAssignments } from './my-assignments';

const offer = assignmentFixture({
  id: 'as-1',
  brief: { ...assignmentFixture({ id: 'x' }).brief, keyMessages: ['Viet Nam hosts the signing'] },
  campaign: {
    title: 'Hanoi Convention',
    requiredHashtags: ['#HanoiConvention'],
    keyMessages: ['International cooperation'],
  },
  disclosureLabel: '#HợpTác cùng Cục TTCS&TTĐN',
  feePerDeliverable: 3000000,
});

function renderBlock(answers: Record<string, (call: Call) => { status: number; body: unknown }>) {
  const client = fakeClient(answers);
  renderInPortal(<MyAssignments />, { client });
  return client;
}

describe("the creator's assignments", () => {
  it('shows what the content must carry, and accepts an offer', async () => {
    let status = 'offered';
    const client = renderBlock({
      'GET /v1/assignments': () => ({ status: 200, body: { items: [{ ...offer, status }], nextCursor: null } }),
      'POST /v1/assignments/{id}/accept': () => {
        status = 'accepted';
        return { status: 200, body: { ...offer, status } };
      },
    });
    await screen.findByRole('heading', { name: 'The signing in 60 seconds' });
    expect(screen.getByText('International cooperation')).toBeTruthy();
    expect(screen.getByText('Viet Nam hosts the signing')).toBeTruthy();
    expect(screen.getByText('#HanoiConvention')).toBeTruthy();
    expect(screen.getByText('#HợpTác cùng Cục TTCS&TTĐN')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Accept' })));
    const link = await screen.findByRole('link', { name: 'Submit content' });
    expect(link.getAttribute('href')).toBe('/assignments/as-1/submit');
    expect(screen.getByRole('status').textContent).toBe('You accepted “The signing in 60 seconds”.');
    expect(client.calls.find((c) => c.method === 'POST')?.init.params?.path).toEqual({ id: 'as-1' });
  });

  it('declines with an optional note', async () => {
    const client = renderBlock({
      'GET /v1/assignments': () => ({ status: 200, body: { items: [offer], nextCursor: null } }),
      'POST /v1/assignments/{id}/decline': () => ({ status: 200, body: { ...offer, status: 'declined' } }),
    });
    await screen.findByRole('heading', { name: 'The signing in 60 seconds' });
    fireEvent.click(screen.getByRole('button', { name: 'Decline…' }));
    fireEvent.change(screen.getByLabelText(/A note for the agency/), { target: { value: 'Abroad that week' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Decline the assignment' })));
    expect(client.calls.find((c) => c.method === 'POST')?.init.body).toEqual({ note: 'Abroad that week' });
  });
});

describe("the creator's assignment after reviewers ask for changes", () => {
  const SUBMISSION = '0190f1a2-0000-7000-8000-0000000000aa';
  // After changes are asked for, tasking puts the assignment back to `accepted`; its submission says what happened.
  const back = { ...offer, status: 'accepted', submissionId: SUBMISSION };
  const answers = (submissionStatus: string) => ({
    'GET /v1/assignments': () => ({ status: 200, body: { items: [back], nextCursor: null } }),
    'GET /v1/submissions/{id}': () => ({ status: 200, body: { id: SUBMISSION, status: submissionStatus } }),
  });

  it('says changes were asked for and leads to a new version of the submission, not to a second one', async () => {
    const client = renderBlock(answers('changes_requested'));
    const link = await screen.findByRole('link', { name: 'Send a new version' });
    expect(link.getAttribute('href')).toBe(`/submissions/${SUBMISSION}`);
    expect(screen.getByText('Changes requested', { selector: '.badge' })).toBeTruthy();
    expect(screen.queryByText('Accepted')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Submit content' })).toBeNull();
    expect(client.calls.find((c) => c.path === '/v1/submissions/{id}')?.init.params?.path).toEqual({ id: SUBMISSION });
  });

  it('offers to submit anew once the earlier submission was withdrawn', async () => {
    renderBlock(answers('withdrawn'));
    const link = await screen.findByRole('link', { name: 'Submit content' });
    expect(link.getAttribute('href')).toBe('/assignments/as-1/submit');
    expect(screen.getByRole('link', { name: 'Open your submission' }).getAttribute('href')).toBe(
      `/submissions/${SUBMISSION}`,
    );
  });
});
