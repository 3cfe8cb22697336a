import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { devToken, type ConcordClient, type Schemas } from '@concord/client';
import { startTestSystem, uniqueHandle, type TestSystem } from '../support/system';

const CRLF = '\r\n';

describe('agreements through the gateway, with the typed client', () => {
  let sys: TestSystem;
  let registrar: ConcordClient;
  let manager: ConcordClient;
  let legal: ConcordClient;
  let admin: ConcordClient;
  let mofa: ConcordClient;

  beforeAll(async () => {
    sys = await startTestSystem();
    [registrar, manager, legal, admin, mofa] = await Promise.all(
      ['registrar@mcst', 'manager@mcst', 'legal@mcst', 'admin@mcst', 'liaison@mofa'].map((u) => sys.as(u)),
    );
  });
  afterAll(async () => sys.stop());

  const devTokenOf = (username: string) => devToken(sys.baseUrl, username);

  async function vettedCreator(): Promise<string> {
    const handle = uniqueHandle('mc');
    const { data } = await registrar.POST('/v1/creators', {
      body: {
        kind: 'individual',
        displayName: 'Vũ Hải Yến Kể Chuyện',
        channels: [
          { platform: 'tiktok', handle, url: `https://www.tiktok.com/@${handle}`, followers: 90000, verified: false },
        ],
        topics: ['history'],
        languages: ['vi'],
      },
    });
    await registrar.POST('/v1/creators/{id}/vetting', {
      params: { path: { id: data!.id } },
      body: { outcome: 'passed', notes: 'Identity and past content checked' },
    });
    await registrar.POST('/v1/creators/{id}/status', {
      params: { path: { id: data!.id } },
      body: { to: 'vetted', reason: 'vetting passed' },
    });
    return data!.id;
  }

  const draft = (counterpartyId: string): Schemas['CreateAgreement'] => ({
    kind: 'memorandum',
    counterpartyId,
    title: 'Hướng về lá cờ Tổ quốc 2026',
    scope: 'Short videos for the national flag campaign on 2 September',
    term: { start: '2026-01-01', end: '2026-12-31' },
    budget: 80_000_000,
    deliverables: [{ platform: 'tiktok', quantity: 6 }],
    disclosureLabel: '#HợpTác cùng Cục TTCS&TTĐN',
  });

  it('drafts, reviews and signs an agreement to active, with problems a client can act on', async () => {
    const counterpartyId = await vettedCreator();
    const created = await manager.POST('/v1/agreements', { body: draft(counterpartyId) });
    expect(created.response.status).toBe(201);
    const id = created.data!.id;
    expect(created.data!.number).toMatch(/^TTDN-\d{4}-\d{4}$/);

    const got = await manager.GET('/v1/agreements/{id}', { params: { path: { id } } });
    expect(got.response.headers.get('etag')).toBe('"v1"');
    const stale = await manager.PATCH('/v1/agreements/{id}', {
      params: { path: { id }, header: { 'If-Match': '"v7"' } },
      body: { budget: 1 },
    });
    expect(stale.response.status).toBe(412);
    const edited = await manager.PATCH('/v1/agreements/{id}', {
      params: { path: { id }, header: { 'If-Match': '"v1"' } },
      body: { budget: 90_000_000 },
    });
    expect(edited.data).toMatchObject({ budget: 90_000_000, version: 2 });

    await manager.POST('/v1/agreements/{id}/submit-for-review', { params: { path: { id } } });
    const notLegal = await manager.POST('/v1/agreements/{id}/legal-decision', {
      params: { path: { id } },
      body: { decision: 'approve', comments: 'fine' },
    });
    expect(notLegal.response.status).toBe(403);
    const approved = await legal.POST('/v1/agreements/{id}/legal-decision', {
      params: { path: { id } },
      body: { decision: 'approve', comments: 'Disclosure clause present' },
    });
    expect(approved.data!.status).toBe('approved');

    await admin.POST('/v1/agreements/{id}/signatures', {
      params: { path: { id } },
      body: { party: 'agency', signatoryName: 'Trần Minh Quân', signedAt: '2026-02-01T02:00:00Z', method: 'in_person' },
    });
    const active = await admin.POST('/v1/agreements/{id}/signatures', {
      params: { path: { id } },
      body: {
        party: 'counterparty',
        signatoryName: 'Vũ Hải Yến',
        signedAt: '2026-02-01T03:00:00Z',
        method: 'e_signature',
        reference: 'VNPT-CA 1209',
      },
    });
    expect(active.data!.status).toBe('active');

    const wrongMove = await admin.POST('/v1/agreements/{id}/resume', {
      params: { path: { id } },
      body: { reason: 'not suspended' },
    });
    expect(wrongMove.response.status).toBe(409);
    expect(wrongMove.error).toMatchObject({
      code: 'agreement.status_transition_forbidden',
      allowed: ['suspend', 'terminate', 'expire'],
    });

    const { data: page } = await manager.GET('/v1/agreements', {
      params: { query: { status: 'active', expiringWithinDays: 3650 } },
    });
    expect(page!.items.map((a) => a.id)).toContain(id);

    const finance = await sys.as('finance@mcst');
    const planned = await finance.POST('/v1/agreements/{id}/milestones', {
      params: { path: { id } },
      body: { label: 'Advance', dueDate: '2026-03-01', amount: 30_000_000 },
    });
    expect(planned.response.status).toBe(201);
    const milestoneId = planned.data!.milestones[0].id;
    const over = await finance.POST('/v1/agreements/{id}/milestones', {
      params: { path: { id } },
      body: { label: 'Balance', dueDate: '2026-09-01', amount: 70_000_000 },
    });
    expect(over.response.status).toBe(422);
    expect(over.error).toMatchObject({ code: 'agreement.milestones_over_budget', errors: [{ path: 'amount' }] });
    const paid = await finance.POST('/v1/agreements/{id}/milestones/{milestoneId}/payment', {
      params: { path: { id, milestoneId } },
      body: { paymentReference: 'KBNN-2026-118' },
    });
    expect(paid.data!.milestones[0]).toMatchObject({ status: 'paid', paidBy: 'finance@mcst' });
    const frozen = await finance.PATCH('/v1/agreements/{id}/milestones/{milestoneId}', {
      params: { path: { id, milestoneId } },
      body: { amount: 1 },
    });
    expect(frozen.response.status).toBe(409);
    const amendment = await manager.POST('/v1/agreements/{id}/amendments', {
      params: { path: { id } },
      body: { changes: { title: 'Hướng về lá cờ Tổ quốc 2026 — mở rộng' }, reason: 'Wider title for the extension' },
    });
    expect(amendment.response.status).toBe(201);
    expect(amendment.data!.versions.map((v) => v.status)).toEqual(['signed', 'in_review']);
    await legal.POST('/v1/agreements/{id}/amendments/{version}/legal-decision', {
      params: { path: { id, version: 2 } },
      body: { decision: 'approve', comments: 'ok' },
    });
    for (const party of ['agency', 'counterparty'] as const) {
      await admin.POST('/v1/agreements/{id}/amendments/{version}/signatures', {
        params: { path: { id, version: 2 } },
        body: { party, signatoryName: 'Người Ký', signedAt: '2026-06-01T02:00:00Z', method: 'in_person' },
      });
    }
    const { data: after } = await manager.GET('/v1/agreements/{id}', { params: { path: { id } } });
    expect(after).toMatchObject({ title: 'Hướng về lá cờ Tổ quốc 2026 — mở rộng', status: 'active' });
    expect(after!.versions[0].terms.title).toBe('Hướng về lá cờ Tổ quốc 2026');

    const auditor = await sys.as('auditor@mcst');
    const { data: trail } = await auditor.GET('/v1/audit', { params: { query: { subject: `agreement:${id}` } } });
    expect(trail!.items.map((e) => e.action).slice(0, 5)).toEqual([
      'agreement.amended',
      'agreement.amendment_signature_recorded',
      'agreement.amendment_approved',
      'agreement.amendment_proposed',
      'agreement.milestone_paid',
    ]);
    await sys.settleAudit();
    const { data: verdict } = await auditor.GET('/v1/audit/verify');
    expect(verdict).toMatchObject({
      valid: true,
      services: { registry: { valid: true }, agreements: { valid: true } },
    });
    const { data: budget } = await finance.GET('/v1/agreements/budget', { params: { query: { year: 2026 } } });
    expect(budget!.counterparties.find((l) => l.counterpartyId === counterpartyId)).toMatchObject({
      committed: 90_000_000,
      paid: 30_000_000,
      remaining: 60_000_000,
    });
  });

  it('publishes signed partnerships in the public register, JSON and CSV, without sign-in and rate-limited', async () => {
    const counterpartyId = await vettedCreator();
    const { data } = await manager.POST('/v1/agreements', {
      body: { ...draft(counterpartyId), title: 'Đọc sách cùng con — văn hóa đọc 2026' },
    });
    const id = data!.id;
    const unsigned = await fetch(`${sys.baseUrl}/v1/public/partnerships?limit=200`);
    expect(((await unsigned.json()) as { items: { number: string }[] }).items.map((p) => p.number)).not.toContain(
      data!.number,
    );

    await manager.POST('/v1/agreements/{id}/submit-for-review', { params: { path: { id } } });
    await legal.POST('/v1/agreements/{id}/legal-decision', {
      params: { path: { id } },
      body: { decision: 'approve', comments: 'ok' },
    });
    for (const party of ['agency', 'counterparty'] as const) {
      await admin.POST('/v1/agreements/{id}/signatures', {
        params: { path: { id } },
        body: { party, signatoryName: 'Người Ký Tên', signedAt: '2026-02-01T02:00:00Z', method: 'in_person' },
      });
    }
    const response = await fetch(`${sys.baseUrl}/v1/public/partnerships?limit=200`);
    expect(response.status).toBe(200);
    const entry = ((await response.json()) as { items: Record<string, unknown>[] }).items.find(
      (p) => p.number === data!.number,
    );
    expect(entry).toEqual({
      number: data!.number,
      agency: { id: 'mcst-ttcs', name: expect.stringContaining('Grassroots Information') },
      counterparty: { displayName: 'Vũ Hải Yến Kể Chuyện' },
      title: 'Đọc sách cùng con — văn hóa đọc 2026',
      term: { start: '2026-01-01', end: '2026-12-31' },
      budget: 80_000_000,
      disclosureLabel: '#HợpTác cùng Cục TTCS&TTĐN',
      status: 'active',
    });

    const csv = await fetch(`${sys.baseUrl}/v1/public/partnerships.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text.split(CRLF)[0]).toBe(
      'number,agency,counterparty,title,term_start,term_end,budget_vnd,disclosure_label,status',
    );
    expect(text).toContain(`"${data!.number}",`);
    expect(text).toContain(
      '"Đọc sách cùng con — văn hóa đọc 2026","2026-01-01","2026-12-31","80000000","#HợpTác cùng Cục TTCS&TTĐN","active"',
    );

    let limited: Response | undefined;
    for (let i = 0; i < 130 && !limited; i++) {
      const r = await fetch(`${sys.baseUrl}/v1/public/partnerships?limit=1`);
      if (r.status === 429) limited = r;
    }
    expect(limited).toBeDefined();
    expect(limited!.headers.get('content-type')).toContain('application/problem+json');
    expect(await limited!.json()).toMatchObject({ code: 'rate_limited', status: 429 });
  });

  it('stores documents with their checksum, refuses wrong types and oversized files clearly, and gives them back byte for byte', async () => {
    const counterpartyId = await vettedCreator();
    const { data } = await manager.POST('/v1/agreements', { body: draft(counterpartyId) });
    const id = data!.id;
    const token = await devTokenOf('manager@mcst');
    const upload = (body: Uint8Array<ArrayBuffer>, type: string, name = 'hop-dong.pdf') =>
      fetch(`${sys.baseUrl}/v1/agreements/${id}/documents?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        body,
      });
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2000)]);

    const stored = await upload(pdf, 'application/pdf', 'Hợp đồng ký 2026.pdf');
    expect(stored.status).toBe(201);
    const agreement = (await stored.json()) as Schemas['Agreement'];
    const doc = agreement.documents[0];
    expect(doc).toMatchObject({
      name: 'Hợp đồng ký 2026.pdf',
      mimeType: 'application/pdf',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });

    const notPdf = await upload(Buffer.from('<html>hello</html>'), 'application/pdf');
    expect(notPdf.status).toBe(415);
    expect(await notPdf.json()).toMatchObject({ code: 'document.unsupported_type' });
    const text = await upload(Buffer.from('hello'), 'text/plain');
    expect(text.status).toBe(415);
    const tooLarge = await upload(
      Buffer.concat([Buffer.from('%PDF'), Buffer.alloc(4 * 1024 * 1024)]),
      'application/pdf',
    );
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ code: 'document.too_large', maxBytes: 4 * 1024 * 1024 });

    const download = await fetch(`${sys.baseUrl}/v1/agreements/${id}/documents/${doc.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('etag')).toBe(`"${doc.sha256}"`);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    const partner = await fetch(`${sys.baseUrl}/v1/agreements/${id}/documents/${doc.id}`, {
      headers: { authorization: `Bearer ${await devTokenOf('liaison@mofa')}` },
    });
    expect(partner.status).toBe(404);
  });

  it('hides agreements from other agencies as 404 and refuses unknown counterparties with a field path', async () => {
    const counterpartyId = await vettedCreator();
    const { data } = await manager.POST('/v1/agreements', { body: draft(counterpartyId) });
    const hidden = await mofa.GET('/v1/agreements/{id}', { params: { path: { id: data!.id } } });
    expect(hidden.response.status).toBe(404);
    const unknown = await manager.POST('/v1/agreements', { body: draft('01a20e35-34e4-727a-8fbf-6d323698c309') });
    expect(unknown.response.status).toBe(400);
    expect(unknown.error!.errors![0]).toMatchObject({ path: 'counterpartyId' });
  });
});
