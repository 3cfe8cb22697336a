/**
 * @jest-environment jsdom
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useLocation, useParams } from 'react-router';
import { tokenStore } from '../../session/token-store';
import { renderRoutes, staffMember } from '../../test/render';
import { fakeClient, type Call } from '../../test/fake-client';
import { validationRefusal } from '../../test/fixtures';
import AgreementsPage from './agreements-page';
import NewAgreementPage from './new-agreement-page';

const CREATOR = '0190f1a2-0000-7000-8000-0000000000c1';
const user = (id: string, roles: string[]) => staffMember(id, id, 'mcst-ttcs', roles);
const row = (n: number, status: string) => ({
  id: `0190f1a2-0000-7000-8000-00000000000${n}`,
  number: `TTDN-2026-000${n}`,
  kind: 'service_contract',
  counterparty: { id: CREATOR, displayName: 'Công ty Sao Việt' },
  title: `Agreement ${n}`,
  term: { start: '2026-03-01', end: '2026-12-31' },
  budget: 450_000_000,
  status,
});
const budget = {
  year: 2026,
  agencies: [{ agencyId: 'mcst-ttcs', committed: 450_000_000, paid: 180_000_000, remaining: 270_000_000 }],
  counterparties: [],
};

function AgreementStub() {
  return <p>agreement {useParams().id}</p>;
}

/** The address's query, where the page keeps its search and filters. */
function AddressProbe() {
  return <output aria-label="address">{useLocation().search}</output>;
}

function renderAt(
  path: string,
  me: unknown,
  answers: Record<string, (call: Call) => { status: number; body: unknown }>,
  language: 'en' | 'vi' = 'en',
) {
  const client = fakeClient({ 'GET /v1/me': () => ({ status: 200, body: me }), ...answers });
  renderRoutes(
    {
      '/agreements': (
        <>
          <AgreementsPage />
          <AddressProbe />
        </>
      ),
      '/agreements/new': <NewAgreementPage />,
      '/agreements/:id': <AgreementStub />,
    },
    { client, at: path, language },
  );
  return client;
}

const listCalls = (client: { calls: Call[] }) => client.calls.filter((c) => c.path === '/v1/agreements');

describe('the agreements list', () => {
  beforeEach(() => tokenStore.set('a-token'));

  it("lists the agency's agreements linked to their pages, under the year's budget", async () => {
    renderAt('/agreements', user('manager@mcst', ['campaign_manager']), {
      'GET /v1/agreements': () => ({
        status: 200,
        body: { items: [row(1, 'active'), row(2, 'draft')], nextCursor: null },
      }),
      'GET /v1/agreements/budget': () => ({ status: 200, body: budget }),
    });
    const table = await screen.findByRole('table', { name: 'Agreements of your agency' });
    expect(within(table).getByRole('link', { name: 'TTDN-2026-0001' }).getAttribute('href')).toBe(
      '/agreements/0190f1a2-0000-7000-8000-000000000001',
    );
    expect(within(table).getByRole('link', { name: 'Agreement 2' }).getAttribute('href')).toBe(
      '/agreements/0190f1a2-0000-7000-8000-000000000002',
    );
    expect(within(table).getAllByText('Draft')).toHaveLength(1);
    // The region shows "Loading…" until the budget arrives: wait for its figures, not only for the region.
    await waitFor(() =>
      expect(screen.getByRole('region', { name: /Budget used in/ }).textContent).toContain(
        '40% of the committed budget has been paid',
      ),
    );
    expect(screen.getByRole('link', { name: 'New agreement' }).getAttribute('href')).toBe('/agreements/new');
  });

  it('filters by status and expiry on the server, and says when nothing matches', async () => {
    const client = renderAt('/agreements', user('legal@mcst', ['legal_officer']), {
      'GET /v1/agreements': (call) => ({
        status: 200,
        body: { items: call.init.params?.query?.status ? [] : [row(1, 'active')], nextCursor: null },
      }),
      'GET /v1/agreements/budget': () => ({ status: 200, body: budget }),
    });
    await screen.findByRole('table', { name: 'Agreements of your agency' });
    expect(screen.queryByRole('link', { name: 'New agreement' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'legal_review' } });
    expect(await screen.findByText('No agreement matches this search and these filters.')).toBeTruthy();
    expect(listCalls(client).at(-1)?.init.params?.query).toMatchObject({ status: 'legal_review', limit: 25 });

    fireEvent.change(screen.getByLabelText('Expiring within (days)'), { target: { value: '30' } });
    await waitFor(() =>
      expect(listCalls(client).at(-1)?.init.params?.query).toMatchObject({
        status: 'legal_review',
        expiringWithinDays: 30,
      }),
    );
  });

  it('searches by number, title or counterparty as you type, keeping the words in the address', async () => {
    const client = renderAt('/agreements?q=TTDN-2026', user('manager@mcst', ['campaign_manager']), {
      'GET /v1/agreements': (call) => ({
        status: 200,
        body: { items: call.init.params?.query?.q === 'hà giang' ? [] : [row(1, 'active')], nextCursor: null },
      }),
      'GET /v1/agreements/budget': () => ({ status: 200, body: budget }),
    });
    await screen.findByRole('table', { name: 'Agreements of your agency' });
    const search = screen.getByRole('searchbox', { name: 'Number, title or counterparty' }) as HTMLInputElement;
    expect(search.value).toBe('TTDN-2026');
    expect(listCalls(client)[0]?.init.params?.query).toMatchObject({ q: 'TTDN-2026', limit: 25 });

    fireEvent.change(search, { target: { value: '  cong ty sao viet ' } });
    await waitFor(() => expect(listCalls(client).at(-1)?.init.params?.query).toMatchObject({ q: 'cong ty sao viet' }));
    expect(screen.getByRole('status', { name: 'address' }).textContent).toBe('?q=++cong+ty+sao+viet+');
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'active' } });
    await waitFor(() =>
      expect(listCalls(client).at(-1)?.init.params?.query).toMatchObject({ q: 'cong ty sao viet', status: 'active' }),
    );

    fireEvent.change(search, { target: { value: 'hà giang' } });
    expect(await screen.findByText('No agreement matches this search and these filters.')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Clear the search and filters' })));
    expect(search.value).toBe('');
    expect(listCalls(client).at(-1)?.init.params?.query).not.toHaveProperty('q', expect.anything());
    expect(screen.getByRole('status', { name: 'address' }).textContent).toBe('');
  });

  it('shows a refused search next to its field, keeping what was typed', async () => {
    const long = 'sao '.repeat(30);
    renderAt('/agreements', user('manager@mcst', ['campaign_manager']), {
      'GET /v1/agreements': (call) =>
        call.init.params?.query?.q
          ? validationRefusal([{ path: 'q', code: 'too_big', message: 'Too big', maximum: 100 }])
          : { status: 200, body: { items: [row(1, 'active')], nextCursor: null } },
      'GET /v1/agreements/budget': () => ({ status: 200, body: budget }),
    });
    await screen.findByRole('table', { name: 'Agreements of your agency' });
    const search = screen.getByRole('searchbox', { name: 'Number, title or counterparty' }) as HTMLInputElement;
    fireEvent.change(search, { target: { value: long } });
    await waitFor(() => expect(search.getAttribute('aria-invalid')).toBe('true'));
    expect(search.getAttribute('aria-describedby')).toContain('agreement-q-error');
    expect(document.getElementById('agreement-q-error')?.textContent).toBe('This is too long or too large.');
    expect(search.value).toBe(long);
  });

  it('reads in Vietnamese', async () => {
    renderAt(
      '/agreements',
      user('manager@mcst', ['campaign_manager']),
      {
        'GET /v1/agreements': () => ({ status: 200, body: { items: [row(1, 'legal_review')], nextCursor: null } }),
        'GET /v1/agreements/budget': () => ({ status: 200, body: budget }),
      },
      'vi',
    );
    const table = await screen.findByRole('table', { name: 'Các thỏa thuận của cơ quan bạn' });
    expect(within(table).getByText('Hợp đồng dịch vụ', { exact: false })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Thỏa thuận mới' })).toBeTruthy();
    expect(await screen.findByText('Đã chi 40% kinh phí cam kết')).toBeTruthy();
  });

  it('pages by cursor', async () => {
    const client = renderAt('/agreements', user('manager@mcst', ['campaign_manager']), {
      'GET /v1/agreements': (call) => ({
        status: 200,
        body: call.init.params?.query?.cursor
          ? { items: [row(3, 'active')], nextCursor: null }
          : { items: [row(1, 'active'), row(2, 'draft')], nextCursor: 'c2' },
      }),
      'GET /v1/agreements/budget': () => ({ status: 200, body: budget }),
    });
    await screen.findByRole('link', { name: 'TTDN-2026-0001' });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Next page' })));
    expect(await screen.findByRole('link', { name: 'TTDN-2026-0003' })).toBeTruthy();
    expect(listCalls(client).at(-1)?.init.params?.query).toMatchObject({ cursor: 'c2' });
  });
});

describe('a new agreement', () => {
  beforeEach(() => tokenStore.set('a-token'));

  const creators = () => ({
    status: 200,
    body: {
      items: [
        {
          id: CREATOR,
          kind: 'management_company',
          displayName: 'Công ty Sao Việt',
          status: 'active',
          channels: [],
          totalFollowers: 0,
          topics: [],
          languages: [],
        },
      ],
      nextCursor: null,
    },
  });

  it('checks the draft before sending, then shows the API errors next to their fields and keeps what was typed', async () => {
    const client = renderAt('/agreements/new', user('manager@mcst', ['campaign_manager']), {
      'GET /v1/creators': creators,
      'POST /v1/agreements': () =>
        validationRefusal([{ path: 'deliverables.0.quantity', code: 'too_big', message: 'Too big' }]),
    });
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: 'Save the draft' })));
    const summary = screen.getByRole('alert');
    expect(summary.textContent).toContain('Choose the counterparty.');
    expect(summary.textContent).toContain('Enter a title of at least 3 characters.');
    expect(summary.textContent).toContain('Enter the date the term starts.');
    expect(client.calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await screen.findByRole('option', { name: 'Công ty Sao Việt (Management company · Active)' });
    fireEvent.change(screen.getByLabelText('Counterparty'), { target: { value: CREATOR } });
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Ngày Sách và Văn hóa đọc Việt Nam 2027' } });
    fireEvent.change(screen.getByLabelText(/^Scope/), { target: { value: 'Three videos' } });
    fireEvent.change(screen.getByLabelText('Starts on'), { target: { value: '2027-04-01' } });
    fireEvent.change(screen.getByLabelText('Ends on'), { target: { value: '2027-04-30' } });
    fireEvent.change(screen.getByLabelText(/^Budget/), { target: { value: '30.000.000' } });
    fireEvent.change(screen.getByLabelText('Number of pieces, deliverable 1'), { target: { value: '99999' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save the draft' })));
    // The contract allows at most 10,000: found before sending, on the row.
    const quantity = screen.getByLabelText('Number of pieces, deliverable 1');
    expect(quantity.getAttribute('aria-invalid')).toBe('true');
    expect(client.calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.change(quantity, { target: { value: '3' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save the draft' })));
    const post = client.calls.find((c) => c.method === 'POST')!;
    expect(post.init.body).toEqual({
      kind: 'service_contract',
      counterpartyId: CREATOR,
      title: 'Ngày Sách và Văn hóa đọc Việt Nam 2027',
      scope: 'Three videos',
      term: { start: '2027-04-01', end: '2027-04-30' },
      budget: 30_000_000,
      deliverables: [{ platform: 'tiktok', quantity: 3 }],
      disclosureLabel: '#HợpTác cùng Cục TTCS&TTĐN',
    });
    await waitFor(() =>
      expect(screen.getByLabelText('Number of pieces, deliverable 1').getAttribute('aria-invalid')).toBe('true'),
    );
    expect(document.getElementById('new-agreement-deliverables-0-quantity-error')?.textContent).toBe(
      'Enter at most 10,000.',
    );
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Ngày Sách và Văn hóa đọc Việt Nam 2027');
  });

  it('opens the new agreement once drafted', async () => {
    renderAt(`/agreements/new?counterparty=${CREATOR}`, user('manager@mcst', ['campaign_manager']), {
      'GET /v1/creators': creators,
      'GET /v1/creators/{id}': () => ({ status: 200, body: { id: CREATOR, displayName: 'Công ty Sao Việt' } }),
      'POST /v1/agreements': () => ({ status: 201, body: { id: 'new-agreement-id' } }),
    });
    await screen.findByRole('option', { name: 'Công ty Sao Việt (Management company · Active)' });
    expect((screen.getByLabelText('Counterparty') as HTMLSelectElement).value).toBe(CREATOR);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Ngày Sách 2027' } });
    fireEvent.change(screen.getByLabelText(/^Scope/), { target: { value: 'Three videos' } });
    fireEvent.change(screen.getByLabelText('Starts on'), { target: { value: '2027-04-01' } });
    fireEvent.change(screen.getByLabelText('Ends on'), { target: { value: '2027-04-30' } });
    fireEvent.change(screen.getByLabelText(/^Budget/), { target: { value: '30000000' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save the draft' })));
    expect(await screen.findByText('agreement new-agreement-id')).toBeTruthy();
  });
});
