/**
 * @jest-environment jsdom
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useLocation, useParams } from 'react-router';
import { creatorFixture } from './creator-fixture';
import { tokenStore } from '../../session/token-store';
import { renderRoutes, staffMember } from '../../test/render';
import { fakeClient, type Call } from '../../test/fake-client';
import EditCreatorPage from './edit-creator-page';

const officer = staffMember('officer@mcst', 'Phạm Thu', 'mcst-ttcs', ['registry_officer']);
const creator = creatorFixture();

function CreatorStub() {
  const { id } = useParams();
  const state = useLocation().state as { updated?: boolean } | null;
  return (
    <p>
      creator {id} {state?.updated ? 'updated' : ''}
    </p>
  );
}

function renderEdit(patch: (call: Call) => { status: number; body: unknown }, read: () => unknown = () => creator) {
  const client = fakeClient({
    'GET /v1/me': { status: 200, body: officer },
    'GET /v1/creators/{id}': () => ({ status: 200, body: read() }),
    'PATCH /v1/creators/{id}': patch,
  });
  renderRoutes(
    {
      '/creators/:id/edit': <EditCreatorPage />,
      '/creators/:id': <CreatorStub />,
    },
    { client, at: `/creators/${creator.id}/edit` },
  );
  return client;
}

const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const save = () => act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save changes' })));
const describedText = (label: string | RegExp) =>
  (screen.getByLabelText(label).getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent);
const patches = (client: { calls: Call[] }) => client.calls.filter((c) => c.method === 'PATCH');

describe('edit a creator (form)', () => {
  beforeEach(() => tokenStore.set('a-token'));

  it('sends only the changed fields with the version read, then opens the creator', async () => {
    const client = renderEdit(() => ({
      status: 200,
      body: { ...creator, displayName: 'Lan Anh Travel Official', version: 4 },
    }));
    await screen.findByRole('heading', { level: 1, name: 'Edit Lan Anh Travel' });
    expect((screen.getByLabelText('Display name') as HTMLInputElement).value).toBe('Lan Anh Travel');
    expect((screen.getByLabelText(/^Regions/) as HTMLInputElement).value).toBe('VN-HN');
    type('Display name', 'Lan Anh Travel Official');
    fireEvent.click(screen.getByLabelText('History'));
    await save();
    const [patch] = patches(client);
    expect(patch.init.params?.path).toEqual({ id: creator.id });
    expect(patch.init.params?.header?.['If-Match']).toBe('"v3"');
    expect(patch.init.params?.header?.['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
    expect(patch.init.body).toEqual({
      displayName: 'Lan Anh Travel Official',
      topics: ['tourism', 'cuisine', 'history'],
    });
    expect(await screen.findByText(`creator ${creator.id} updated`)).toBeTruthy();
  });

  it("shows the API's field errors next to their fields and keeps what was typed", async () => {
    const client = renderEdit(() => ({
      status: 422,
      body: {
        code: 'creator.consent_required',
        detail: 'Personal data needs recorded consent',
        title: 'Consent required',
        errors: [
          {
            path: 'consent',
            code: 'required',
            message: 'Record the consent to data processing (given at, scope, evidence)',
          },
        ],
      },
    }));
    await screen.findByLabelText('Display name');
    type(/^Regions/, 'VN-HN, VN-SG');
    type('Date consent was given', '');
    type('Scope', '');
    type('Evidence', '');
    await save();
    expect(patches(client)[0].init.body).toEqual({ regions: ['VN-HN', 'VN-SG'], consent: null });
    const group = document.getElementById('edit-creator-consent-error');
    expect(group?.textContent).toBe('Record the consent (date, scope and evidence) to store personal data.');
    expect(screen.getByRole('alert').textContent).toContain("Personal data needs the creator's recorded consent.");
    expect((screen.getByLabelText(/^Regions/) as HTMLInputElement).value).toBe('VN-HN, VN-SG');
  });

  it('finds what the API would refuse before sending, next to the field', async () => {
    const client = renderEdit(() => ({ status: 200, body: creator }));
    await screen.findByLabelText('Display name');
    type('Display name', 'L');
    type(/^Languages/, 'vietnamese');
    await save();
    expect(patches(client)).toHaveLength(0);
    expect(screen.getByLabelText('Display name').getAttribute('aria-invalid')).toBe('true');
    expect(describedText('Display name')).toContain('Enter a name of at least 2 characters.');
    expect(describedText(/^Languages/)).toContain('Use two-letter codes such as vi, en, fr.');
    expect((screen.getByLabelText(/^Languages/) as HTMLInputElement).value).toBe('vietnamese');
  });

  it('explains a stale version, reloads the saved values, keeps the typing and saves against the new version', async () => {
    let version = 3;
    const fresh = creatorFixture({ version: 4, regions: ['VN-HN', 'VN-DN'] });
    const client = renderEdit(
      (call) =>
        call.init.params?.header?.['If-Match'] === '"v3"'
          ? {
              status: 412,
              body: {
                code: 'version.mismatch',
                detail: 'The creator is at version 4, not 3; reload and retry',
                title: 'Stale',
                currentVersion: 4,
              },
            }
          : { status: 200, body: { ...fresh, displayName: 'Lan Anh', version: 5 } },
      () => (version === 3 ? creator : fresh),
    );
    await screen.findByLabelText('Display name');
    version = 4;
    type('Display name', 'Lan Anh');
    await save();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Someone changed this in the meantime.');
    expect(alert.textContent).toContain('Regions: now VN-HN, VN-DN');
    expect((screen.getByLabelText('Display name') as HTMLInputElement).value).toBe('Lan Anh');
    // What the user did not touch now shows what was saved meanwhile.
    expect((screen.getByLabelText(/^Regions/) as HTMLInputElement).value).toBe('VN-HN, VN-DN');

    await save();
    const [, second] = patches(client);
    expect(second.init.params?.header?.['If-Match']).toBe('"v4"');
    expect(second.init.body).toEqual({ displayName: 'Lan Anh' });
    await waitFor(() => expect(screen.getByText(`creator ${creator.id} updated`)).toBeTruthy());
  });

  it('takes the saved values on request after a stale version', async () => {
    let version = 3;
    const fresh = creatorFixture({ version: 4, displayName: 'Lan Anh (official)' });
    renderEdit(
      () => ({ status: 412, body: { code: 'version.mismatch', detail: 'stale', title: 'Stale' } }),
      () => (version === 3 ? creator : fresh),
    );
    await screen.findByLabelText('Display name');
    version = 4;
    type('Display name', 'Lan Anh Travel VN');
    await save();
    fireEvent.click(await screen.findByRole('button', { name: 'Use the saved values' }));
    expect((screen.getByLabelText('Display name') as HTMLInputElement).value).toBe('Lan Anh (official)');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
