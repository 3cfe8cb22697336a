/**
 * @jest-environment jsdom
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { tokenStore } from '../../session/token-store';
import { renderRoutes, staffMember } from '../../test/render';
import { fakeClient, type Call } from '../../test/fake-client';
import { AGREEMENT_TERMS } from '../../test/fixtures';
import AgreementPage from './agreement-page';

const ID = '0190f1a2-0000-7000-8000-0000000000ag';
const CREATOR = '0190f1a2-0000-7000-8000-0000000000c1';
type Answer = (call: Call) => { status: number; body: unknown };

const terms = AGREEMENT_TERMS;

function agreementWith(status: string, extra: Record<string, unknown> = {}) {
  return {
    id: ID,
    number: 'TTDN-2026-0001',
    agencyId: 'mcst-ttcs',
    kind: 'service_contract',
    counterparty: { id: CREATOR, displayName: 'Công ty Sao Việt' },
    ...terms,
    usageRights: null,
    status,
    version: 3,
    signatures: [],
    legalReviews: [],
    milestones: [],
    documents: [],
    versions: [],
    statusHistory: [{ from: null, to: 'draft', reason: null, at: '2026-02-01T02:00:00Z', by: 'manager@mcst' }],
    createdBy: 'manager@mcst',
    createdAt: '2026-02-01T02:00:00Z',
    updatedAt: '2026-02-01T02:00:00Z',
    ...extra,
  };
}

const user = (id: string, roles: string[]) => staffMember(id, id, 'mcst-ttcs', roles);
const problem = (code: string, detail: string, extra: Record<string, unknown> = {}) => ({
  type: `https://concord.gov.vn/problems/${code}`,
  title: code,
  code,
  detail,
  ...extra,
});

function renderPage(me: unknown, agreement: unknown, answers: Record<string, Answer> = {}) {
  const client = fakeClient({
    'GET /v1/me': { status: 200, body: me },
    'GET /v1/agreements/{id}': () => ({ status: 200, body: agreement }),
    ...answers,
  });
  renderRoutes({ '/agreements/:id': <AgreementPage /> }, { client, at: `/agreements/${ID}` });
  return client;
}

const button = (name: string | RegExp) => screen.queryByRole('button', { name });
const gets = (client: { calls: Call[] }) =>
  client.calls.filter((c) => c.method === 'GET' && c.path === '/v1/agreements/{id}').length;

describe('the agreement page', () => {
  beforeEach(() => tokenStore.set('a-token'));

  it('shows the facts, with the counterparty linked to their page', async () => {
    renderPage(user('admin@mcst', ['admin']), agreementWith('active'));
    await screen.findByRole('heading', { level: 1, name: 'TTDN-2026-0001 · Ra mắt trình chiếu 3D Điện Biên Phủ' });
    expect(screen.getByRole('link', { name: 'Công ty Sao Việt' }).getAttribute('href')).toBe(`/creators/${CREATOR}`);
    expect(screen.getAllByText('#HợpTác cùng Cục TTCS&TTĐN').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Active').length).toBeGreaterThan(0);
  });

  it('shows in the legal review that the counterparty was set vetted by override, with the reason', async () => {
    const review = {
      decision: 'approve',
      comments: 'Approved on the override',
      by: 'legal@mcst',
      at: '2026-03-02T02:00:00Z',
      counterpartyVettedByOverride: {
        reason: 'Sponsorships disclosed since; the ministry accepts the risk',
        by: 'legal@mcst',
        at: '2026-03-01T02:00:00Z',
      },
    };
    renderPage(user('admin@mcst', ['admin']), agreementWith('approved', { legalReviews: [review] }));
    await screen.findByText('Approved on the override');
    expect(
      screen.getByText(
        /^The counterparty was set vetted by the legal officer's override of its vetting record \(legal@mcst, .*2026.*\): Sponsorships disclosed since; the ministry accepts the risk$/,
      ),
    ).toBeTruthy();
  });

  it('offers the actions of the status and of the role, and no others', async () => {
    renderPage(user('admin@mcst', ['admin']), agreementWith('active'));
    await screen.findByRole('button', { name: 'Suspend…' });
    expect(button('Terminate…')).toBeTruthy();
    expect(button('Propose an amendment…')).toBeTruthy();
    expect(button('Upload the document')).toBeTruthy();
    expect(button('Resume…')).toBeNull();
    expect(button('Legal decision…')).toBeNull();
    expect(button('Submit for legal review…')).toBeNull();
    expect(button('Add the milestone')).toBeNull();
  });

  it('offers the legal officer the decision on an agreement in legal review, and nothing else', async () => {
    renderPage(user('legal@mcst', ['legal_officer']), agreementWith('legal_review'));
    await screen.findByRole('button', { name: 'Legal decision…' });
    expect(button('Terminate…')).toBeNull();
    expect(button('Upload the document')).toBeNull();
    expect(button('Edit the draft…')).toBeNull();
  });

  it('suspends with a reason: the right request, a retry-safe key, then the fresh agreement', async () => {
    let status = 'active';
    const client = renderPage(user('admin@mcst', ['admin']), undefined, {
      'GET /v1/agreements/{id}': () => ({ status: 200, body: agreementWith(status) }),
      'POST /v1/agreements/{id}/suspend': () => {
        status = 'suspended';
        return { status: 200, body: agreementWith(status) };
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Suspend…' }));
    // Keyboard users land in the form that opened, and go back to its button on cancel.
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Reason' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Suspend…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Suspend…' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Suspend the agreement' })));
    expect(screen.getByRole('textbox', { name: 'Reason' }).getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('suspend-reason-error')?.textContent).toBe('Give a reason.');
    expect(client.calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.change(screen.getByRole('textbox', { name: 'Reason' }), {
      target: { value: 'Undisclosed sponsorship under review' },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Suspend the agreement' })));
    const posted = client.calls.filter((c) => c.method === 'POST');
    expect(posted).toHaveLength(1);
    expect(posted[0].path).toBe('/v1/agreements/{id}/suspend');
    expect(posted[0].init.params?.path).toEqual({ id: ID });
    expect(posted[0].init.body).toEqual({ reason: 'Undisclosed sponsorship under review' });
    expect(posted[0].init.params?.header?.['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
    expect(await screen.findByText('The agreement was suspended.')).toBeTruthy();
    await screen.findByRole('button', { name: 'Resume…' });
    expect(gets(client)).toBe(2);
  });

  it('edits a draft at the version read (If-Match), sending only what changed', async () => {
    const client = renderPage(user('manager@mcst', ['campaign_manager']), agreementWith('draft'), {
      'PATCH /v1/agreements/{id}': () => ({
        status: 200,
        body: agreementWith('draft', { budget: 500_000_000, version: 4 }),
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit the draft…' }));
    fireEvent.change(screen.getByLabelText('Budget (VND)'), { target: { value: '500.000.000' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save the changes' })));
    const patch = client.calls.find((c) => c.method === 'PATCH')!;
    expect(patch.init.body).toEqual({ budget: 500_000_000 });
    expect(patch.init.params?.header?.['If-Match']).toBe('"v3"');
    expect(await screen.findByText('The draft was updated.')).toBeTruthy();
  });

  it('explains a stale version in words and shows the fresh agreement', async () => {
    const client = renderPage(user('manager@mcst', ['campaign_manager']), agreementWith('draft'), {
      'PATCH /v1/agreements/{id}': () => ({
        status: 409,
        body: problem('version.mismatch', 'The agreement is at version 4, not 3', { currentVersion: 4 }),
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit the draft…' }));
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Ra mắt trình chiếu 3D Điện Biên Phủ 2026' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save the changes' })));
    const alert = await screen.findByText('Someone changed this in the meantime. Reload to see the latest version.');
    expect(alert.closest('[role="alert"]')?.textContent).toContain('The agreement has been reloaded');
    await waitFor(() => expect(gets(client)).toBe(2));
    // What was typed is still there.
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Ra mắt trình chiếu 3D Điện Biên Phủ 2026');
  });

  it('says in words why legal approval was refused, and asks for comments before sending', async () => {
    const client = renderPage(user('legal@mcst', ['legal_officer']), agreementWith('legal_review'), {
      'POST /v1/agreements/{id}/legal-decision': () => ({
        status: 422,
        body: problem('agreement.counterparty_not_eligible', 'Công ty Sao Việt is prospect in the registry', {
          counterpartyStatus: 'prospect',
        }),
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Legal decision…' }));
    fireEvent.click(screen.getByLabelText('Approve'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send the legal decision' })));
    expect(document.getElementById('legal-decision-comments-error')?.textContent).toBe(
      'Write your comments for the file.',
    );
    expect(client.calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText(/^Comments/), { target: { value: 'Disclosure clause checked' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send the legal decision' })));
    expect(client.calls.find((c) => c.method === 'POST')?.init.body).toEqual({
      decision: 'approve',
      comments: 'Disclosure clause checked',
    });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The creator must be vetted or active for this agreement.',
    );
  });

  it('shows each amendment as a word diff against the version before it', async () => {
    const versions = [
      {
        version: 1,
        status: 'superseded',
        terms,
        changes: [],
        reason: null,
        legalReviews: [],
        signatures: [],
        createdBy: 'manager@mcst',
        createdAt: '2026-02-01T02:00:00Z',
      },
      {
        version: 2,
        status: 'in_review',
        terms: { ...terms, scope: '60 short videos around the launch' },
        changes: [{ field: 'scope', from: terms.scope, to: '60 short videos around the launch' }],
        reason: 'Ten more videos for the anniversary',
        legalReviews: [],
        signatures: [],
        createdBy: 'manager@mcst',
        createdAt: '2026-11-01T02:00:00Z',
      },
    ];
    renderPage(user('legal@mcst', ['legal_officer']), agreementWith('active', { versions }));
    const table = await screen.findByRole('table', { name: 'What version 2 changes against version 1' });
    const row = within(table).getByRole('row', { name: /Scope/ });
    expect(row.querySelector('del')?.textContent).toBe('50');
    expect(row.querySelector('ins')?.textContent).toBe('60');
    expect(screen.getByText(/Ten more videos for the anniversary/)).toBeTruthy();
    // The amendment under review goes to the legal officer.
    expect(button('Legal decision on amendment 2…')).toBeTruthy();
    expect(button('Propose an amendment…')).toBeNull();
  });

  it("records the remaining party's signature", async () => {
    const agencySigned = {
      party: 'agency',
      signatoryName: 'Trần Minh Quân',
      signedAt: '2026-02-20T03:00:00Z',
      method: 'in_person',
      recordedBy: 'admin@mcst',
    };
    const client = renderPage(
      user('admin@mcst', ['admin']),
      agreementWith('approved', { signatures: [agencySigned] }),
      {
        'POST /v1/agreements/{id}/signatures': () => ({ status: 200, body: agreementWith('active') }),
      },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Record a signature…' }));
    const party = screen.getByLabelText('Signing party') as HTMLSelectElement;
    expect([...party.options].map((o) => o.textContent)).toEqual(['The counterparty']);
    fireEvent.change(screen.getByLabelText("Signatory's name"), { target: { value: 'Nguyễn Văn Sao' } });
    fireEvent.change(screen.getByLabelText('How it was signed'), { target: { value: 'e_signature' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Record the signature' })));
    const body = client.calls.find((c) => c.method === 'POST')?.init.body as Record<string, string>;
    expect(body).toMatchObject({ party: 'counterparty', signatoryName: 'Nguyễn Văn Sao', method: 'e_signature' });
    expect(new Date(body.signedAt).toISOString()).toBe(body.signedAt);
    expect(await screen.findByText('The signature of the counterparty was recorded.')).toBeTruthy();
  });

  it('proposes an amendment with only the changed terms and a reason', async () => {
    const client = renderPage(user('manager@mcst', ['campaign_manager']), agreementWith('active'), {
      'POST /v1/agreements/{id}/amendments': () => ({ status: 201, body: agreementWith('active') }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Propose an amendment…' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Propose the amendment' })));
    expect(document.getElementById('amend-changes-error')?.textContent).toBe('Change at least one term.');
    expect(document.getElementById('amend-reason-error')?.textContent).toBe('Give a reason.');
    fireEvent.change(screen.getByLabelText('Ends on'), { target: { value: '2027-06-30' } });
    fireEvent.change(screen.getByLabelText(/^Reason for the amendment/), {
      target: { value: 'Extended to the 2027 season' },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Propose the amendment' })));
    expect(client.calls.find((c) => c.method === 'POST')?.init.body).toEqual({
      changes: { term: { start: '2026-03-01', end: '2027-06-30' } },
      reason: 'Extended to the 2027 season',
    });
    expect(await screen.findByText('The amendment was proposed and waits for legal review.')).toBeTruthy();
  });

  it('lets finance add a milestone, and says next to the amount why the API refused it', async () => {
    const client = renderPage(user('finance@mcst', ['finance_officer']), agreementWith('active'), {
      'POST /v1/agreements/{id}/milestones': () => ({
        status: 422,
        body: problem('agreement.milestones_over_budget', 'Milestones would total 500,000,000 đồng', {
          total: 500_000_000,
          budget: 450_000_000,
          errors: [{ path: 'amount', code: 'over_budget', message: 'At most 450,000,000 đồng fits' }],
        }),
      }),
    });
    expect(await screen.findByRole('button', { name: 'Add the milestone' })).toBeTruthy();
    expect(button('Suspend…')).toBeNull();
    fireEvent.change(screen.getByLabelText('Milestone'), { target: { value: 'Tạm ứng 40%' } });
    fireEvent.change(screen.getByLabelText('Due date'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('Amount (VND)'), { target: { value: '500.000.000' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Add the milestone' })));
    expect(client.calls.find((c) => c.method === 'POST')?.init.body).toEqual({
      label: 'Tạm ứng 40%',
      dueDate: '2026-03-01',
      amount: 500_000_000,
    });
    await waitFor(() =>
      expect(document.getElementById('milestone-amount-error')?.textContent).toBe(
        "This would take the milestones above the agreement's budget.",
      ),
    );
    expect((screen.getByLabelText('Amount (VND)') as HTMLInputElement).value).toBe('500.000.000');
  });

  it('uploads a document as the request body, with its type and name', async () => {
    const client = renderPage(user('manager@mcst', ['campaign_manager']), agreementWith('active'), {
      'POST /v1/agreements/{id}/documents': () => ({
        status: 201,
        body: agreementWith('active', {
          documents: [
            {
              id: 'd1',
              name: 'signed.pdf',
              mimeType: 'application/pdf',
              size: 5,
              sha256: 'ab'.repeat(32),
              uploadedBy: 'manager@mcst',
              uploadedAt: '2026-11-30T02:00:00Z',
            },
          ],
        }),
      }),
    });
    await screen.findByRole('button', { name: 'Upload the document' });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Upload the document' })));
    expect(document.getElementById('document-file-error')?.textContent).toBe('Choose a file to upload.');

    const file = new File(['%PDF-'], 'signed.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByLabelText('File'), { target: { files: [file] } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Upload the document' })));
    const upload = client.calls.find((c) => c.method === 'POST')!;
    expect(upload.path).toBe('/v1/agreements/{id}/documents');
    expect(upload.init.params?.query).toEqual({ name: 'signed.pdf' });
    expect(upload.init.body).toBe(file);
    expect((upload.init as { headers?: Record<string, string> }).headers).toEqual({
      'Content-Type': 'application/pdf',
    });
    expect(await screen.findByText('“signed.pdf” was attached.')).toBeTruthy();
  });

  it('refuses a file of a kind the API does not take, before sending', async () => {
    const client = renderPage(user('manager@mcst', ['campaign_manager']), agreementWith('active'));
    await screen.findByRole('button', { name: 'Upload the document' });
    fireEvent.change(screen.getByLabelText('File'), {
      target: { files: [new File(['hello'], 'notes.txt', { type: 'text/plain' })] },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Upload the document' })));
    expect(document.getElementById('document-file-error')?.textContent).toBe('Choose a PDF, PNG, JPEG or DOCX file.');
    expect(client.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
