/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { renderInPortal } from '../../test/render';
import { fakeClient } from '../../test/fake-client';
import { CreatorAssignments } from './creator-assignments';
import { assignmentFixture } from './fixtures';

const CREATOR = '0190f1a2-0000-7000-8000-0000000000d1';

function renderSection(items: unknown[]) {
  const client = fakeClient({ 'GET /v1/assignments': { status: 200, body: { items, nextCursor: null } } });
  renderInPortal(<CreatorAssignments creatorId={CREATOR} />, { client });
  return client;
}

describe("the creator page's assignments", () => {
  it("lists the creator's assignments with campaign, brief, state and due date, the latest due first", async () => {
    const brief = assignmentFixture({ id: 'x' }).brief;
    const client = renderSection([
      assignmentFixture({
        id: 'a1',
        status: 'published',
        brief: { ...brief, title: 'Early piece', dueAt: '2026-11-02T10:00:00Z' },
      }),
      assignmentFixture({
        id: 'a2',
        status: 'accepted',
        overdue: true,
        brief: { ...brief, title: 'Late piece', dueAt: '2026-12-12T10:00:00Z' },
      }),
    ]);
    const table = await screen.findByRole('table', { name: 'Assignments' });
    expect(client.calls[0].init.params?.query).toEqual({ creatorId: CREATOR, limit: 50 });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => Array.from(row.querySelectorAll('td'), (td) => td.textContent));
    expect(rows.map((r) => [r[1], r[2]])).toEqual([
      ['Late piece', 'Accepted'],
      ['Early piece', 'Published'],
    ]);
    expect(rows[0][3]).toContain('Overdue');
    expect(within(table).getAllByRole('link', { name: 'Hanoi Convention' })[0].getAttribute('href')).toBe(
      '/campaigns/0190f1a2-0000-7000-8000-0000000000c1/board',
    );
  });

  it('says when the creator has no assignment', async () => {
    renderSection([]);
    expect(await screen.findByText('No assignment on the campaigns you may see.')).toBeTruthy();
  });
});
