/**
 * @jest-environment jsdom
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { tokenStore } from '../../session/token-store';
import { renderRoutes, staffMember } from '../../test/render';
import { fakeClient } from '../../test/fake-client';
import CreatorPage from './creator-page';

const ID = '0190f1a2-0000-7000-8000-0000000000cc';
const me = staffMember('registrar@mcst', 'Registrar', 'mcst-ttcs', ['registry_officer']);
const creator = {
  id: ID,
  kind: 'individual',
  displayName: 'Triển Lãm Quốc Phòng 360',
  status: 'vetted',
  version: 4,
  channels: [],
  topics: [],
  languages: ['vi'],
  regions: [],
  managementCompanyId: null,
  hasPersonalData: false,
  consent: null,
  vetting: [
    {
      id: '0190f1a2-0000-7000-8000-0000000000c2',
      outcome: 'failed',
      notes: 'Undisclosed sponsorships',
      vettedAt: '2026-03-01T02:00:00Z',
      recordedAt: '2026-03-01T02:00:00Z',
      recordedBy: 'registrar@mcst',
    },
  ],
  training: [],
  incidents: [],
  statusHistory: [
    { from: null, to: 'prospect', reason: 'registered', at: '2026-02-01T02:00:00Z', by: 'registrar@mcst' },
    {
      from: 'prospect',
      to: 'vetted',
      reason: 'The ministry accepts the risk',
      at: '2026-03-02T02:00:00Z',
      by: 'legal@mcst',
      override: true,
    },
  ],
  createdAt: '2026-02-01T02:00:00Z',
  updatedAt: '2026-03-02T02:00:00Z',
};

describe('the creator page', () => {
  beforeEach(() => tokenStore.set('a-token'));

  it('shows in the status history that vetted was set by the legal officer’s override', async () => {
    const client = fakeClient({
      'GET /v1/me': { status: 200, body: me },
      'GET /v1/creators/{id}': { status: 200, body: creator },
    });
    renderRoutes({ '/creators/:id': <CreatorPage /> }, { client, at: `/creators/${ID}` });
    const reason = await screen.findByText('The ministry accepts the risk');
    const row = reason.closest('tr')!;
    expect(within(row).getByText("by the legal officer's override of the vetting record")).toBeTruthy();
    expect(within(screen.getByText('registered').closest('tr')!).queryByText(/override/)).toBeNull();
  });
});
