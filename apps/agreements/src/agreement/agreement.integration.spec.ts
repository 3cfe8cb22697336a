import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DomainError, SUBJECTS, todayInVietnam, type Actor, type CreatorView } from '@concord/domain';
import { connectNats, ServiceClient, type NatsConnection } from '@concord/messaging';
import { EventCollector, staff, testNats, rejection as rejectionOf } from '@concord/testing';
import {
  agreementDraft,
  approveAndSign,
  registerCounterparty,
  startAgreementsWithRegistry,
  vetCounterparty,
  type AgreementsUnderTest,
} from '../test/agreements.test-helpers';

const A = SUBJECTS.agreements;
const R = SUBJECTS.registry;
const lead = (userId: string, role: Actor['roles'][number]): Actor => ({ userId, orgId: 'mcst-ttcs', roles: [role] });
const { manager, legal, admin, registrar, reviewer, auditor, mofa } = staff;

/** Polls until `condition` holds: the registry learns of agreements through events. */
async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const rejection = (promise: Promise<unknown>) => rejectionOf<DomainError>(promise);

describe('agreements service over NATS, on PostgreSQL, asking the registry', () => {
  let sut: AgreementsUnderTest;
  let client: ServiceClient;
  let nc: NatsConnection;
  let events: EventCollector;
  let db: pg.Pool;

  beforeAll(async () => {
    sut = await startAgreementsWithRegistry();
    db = new pg.Pool({ connectionString: sut.databaseUrl, max: 1 });
    client = sut.client;
    nc = await connectNats(testNats('harness', sut.natsUrl));
    events = await new EventCollector(nc, sut.env).start();
  });
  afterAll(async () => {
    await events.stop();
    await nc.drain();
    await db.end();
    await sut.stop();
  });

  /** The agreements service's copy of a creator, read behind its back. */
  async function copyOf(id: string): Promise<{ display_name: string; status: string } | null> {
    const { rows } = await db.query<{ display_name: string; status: string }>(
      'SELECT display_name, status FROM agreements.counterparties WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  /** A fresh creator, a prospect (not vetted). */
  function creator(): Promise<CreatorView> {
    return registerCounterparty(client, { displayName: 'Đặng Minh Châu Travel', languages: ['vi', 'en'] });
  }

  function draftInput(counterpartyId: string, start = '2026-01-01', end = '2026-12-31') {
    return agreementDraft(counterpartyId, { term: { start, end } });
  }

  it('numbers drafts per agency and year without gaps, and shows them only to their agency', async () => {
    const c = await creator();
    const year = todayInVietnam().slice(0, 4);
    const first = await client.request(A.create, { input: draftInput(c.id) }, manager);
    const second = await client.request(A.create, { input: draftInput(c.id) }, admin);
    expect(first).toMatchObject({
      status: 'draft',
      version: 1,
      agencyId: 'mcst-ttcs',
      counterparty: { id: c.id, displayName: 'Đặng Minh Châu Travel' },
    });
    // Numbered on from whatever the agency drafted before this test, with no number skipped.
    const n = Number(/^TTDN-(\d{4})-(\d{4})$/.exec(first.number)?.[2]);
    const numbered = (k: number) => `TTDN-${year}-${String(k).padStart(4, '0')}`;
    expect(first.number).toBe(numbered(n));
    expect(second.number).toBe(numbered(n + 1));
    const refused = await rejection(client.request(A.create, { input: draftInput(c.id) }, reviewer));
    expect(refused.code).toBe('auth.forbidden');
    const third = await client.request(A.create, { input: draftInput(c.id) }, manager);
    expect(third.number).toBe(numbered(n + 2));
    expect((await rejection(client.request(A.get, { id: first.id }, mofa))).code).toBe('not_found');
    const page = await client.request(A.list, { query: { limit: 200 } }, mofa);
    expect(page.items).toHaveLength(0);
  });

  it('refuses a term that ends before it starts and an unknown counterparty, creating nothing', async () => {
    const c = await creator();
    const backwards = await rejection(
      client.request(A.create, { input: draftInput(c.id, '2026-06-01', '2026-05-01') }, manager),
    );
    // The contract orders every period, so the command's own parse refuses it, at its place in the command.
    expect(backwards.errors[0]).toMatchObject({ path: 'input.term.end' });
    const unknown = await rejection(
      client.request(A.create, { input: draftInput('01a20e35-34e4-727a-8fbf-6d323698c309') }, manager),
    );
    expect(unknown.errors[0]).toMatchObject({ path: 'counterpartyId' });
  });

  it('takes an agreement from draft through legal review and both signatures to active, then suspends, resumes and terminates it', async () => {
    const c = await creator();
    const draft = await client.request(A.create, { input: draftInput(c.id) }, manager);
    const stale = await rejection(
      client.request(A.update, { id: draft.id, expectedVersion: 2, changes: { budget: 1 } }, manager),
    );
    expect(stale.code).toBe('version.mismatch');
    const edited = await client.request(
      A.update,
      { id: draft.id, expectedVersion: 1, changes: { budget: 120_000_000 } },
      manager,
    );
    expect(edited).toMatchObject({ budget: 120_000_000, version: 2 });
    expect(edited.deliverables).toEqual([{ platform: 'youtube', quantity: 10 }]);
    expect(edited.usageRights).toEqual({ durationMonths: 24, channels: ['youtube'], territories: ['VN'] });

    const inReview = await client.request(A.submitForReview, { id: draft.id }, manager);
    expect(inReview.status).toBe('legal_review');
    expect(
      (await rejection(client.request(A.update, { id: draft.id, expectedVersion: 3, changes: { budget: 1 } }, manager)))
        .code,
    ).toBe('agreement.not_editable');
    expect(
      (
        await rejection(
          client.request(A.legalDecision, { id: draft.id, input: { decision: 'approve', comments: 'ok' } }, manager),
        )
      ).code,
    ).toBe('auth.forbidden');

    const notVetted = await rejection(
      client.request(A.legalDecision, { id: draft.id, input: { decision: 'approve', comments: 'ok' } }, legal),
    );
    expect(notVetted.code).toBe('agreement.counterparty_not_eligible');
    expect(notVetted.extensions).toMatchObject({ counterpartyStatus: 'prospect' });

    const returned = await client.request(
      A.legalDecision,
      { id: draft.id, input: { decision: 'return', comments: 'Add the disclosure clause' } },
      legal,
    );
    expect(returned.status).toBe('draft');
    expect(returned.legalReviews.at(-1)).toMatchObject({
      decision: 'return',
      comments: 'Add the disclosure clause',
      by: 'legal@mcst',
    });
    await client.request(A.submitForReview, { id: draft.id }, manager);

    await vetCounterparty(client, c.id);
    const approved = await client.request(
      A.legalDecision,
      { id: draft.id, input: { decision: 'approve', comments: 'Compliant' } },
      legal,
    );
    expect(approved.status).toBe('approved');
    expect(approved.legalReviews.at(-1)).not.toHaveProperty('counterpartyVettedByOverride');

    const agencySignature = {
      party: 'agency',
      signatoryName: 'Trần Minh Quân',
      signedAt: '2026-02-01T03:00:00Z',
      method: 'in_person',
    } as const;
    const agencySigned = await client.request(A.sign, { id: draft.id, input: agencySignature }, admin);
    expect(agencySigned.status).toBe('approved');
    const twice = await rejection(client.request(A.sign, { id: draft.id, input: agencySignature }, admin));
    expect(twice.code).toBe('agreement.already_signed');
    const active = await client.request(
      A.sign,
      {
        id: draft.id,
        input: {
          party: 'counterparty',
          signatoryName: 'Đặng Minh Châu',
          signedAt: '2026-02-02T03:00:00Z',
          method: 'e_signature',
          reference: 'VNPT-CA 88213',
        },
      },
      admin,
    );
    expect(active.status).toBe('active');
    expect(active.statusHistory.map((h) => h.to)).toEqual([
      'draft',
      'legal_review',
      'draft',
      'legal_review',
      'approved',
      'signed',
      'active',
    ]);

    const agreementsOf = async () =>
      ((await client.request(R.creatorGet, { id: c.id }, reviewer)).activeAgreements ?? []).map((a) => a.agreementId);
    await waitUntil(async () => (await agreementsOf()).includes(draft.id));

    const suspended = await client.request(
      A.suspend,
      { id: draft.id, input: { reason: 'undisclosed sponsorship under review' } },
      admin,
    );
    expect(suspended.status).toBe('suspended');
    expect((await client.request(A.resume, { id: draft.id, input: { reason: 'review closed' } }, admin)).status).toBe(
      'active',
    );
    const ended = await client.request(A.terminate, { id: draft.id, input: { reason: 'campaign cancelled' } }, admin);
    expect(ended.status).toBe('terminated');
    expect((await rejection(client.request(A.resume, { id: draft.id, input: { reason: 'oops' } }, admin))).code).toBe(
      'agreement.status_transition_forbidden',
    );
    await waitUntil(async () => !(await agreementsOf()).includes(draft.id));

    const seen = await events.waitFor(
      (es) => es.filter((e) => (e.data as { agreementId?: string }).agreementId === draft.id).length >= 6,
    );
    const mine = seen
      .filter((e) => (e.data as { agreementId?: string }).agreementId === draft.id)
      .map((e) => e.type.split('.').pop());
    expect(mine).toEqual(['approved', 'signed', 'activated', 'suspended', 'activated', 'ended']);
    expect(
      seen.find((e) => e.type.endsWith('.ended') && (e.data as { agreementId: string }).agreementId === draft.id)?.data,
    ).toMatchObject({ status: 'terminated', reason: 'campaign cancelled' });

    const trail = await client.request(
      A.auditList,
      { query: { subject: `agreement:${draft.id}`, limit: 50 } },
      auditor,
    );
    expect(trail.items.map((i) => i.action).reverse()).toEqual([
      'agreement.drafted',
      'agreement.updated',
      'agreement.submit_for_review',
      'agreement.legal_return',
      'agreement.submit_for_review',
      'agreement.legal_approve',
      'agreement.signature_recorded',
      'agreement.signed',
      'agreement.suspend',
      'agreement.resume',
      'agreement.terminate',
    ]);
    expect(await client.request(A.auditVerify, {}, auditor)).toMatchObject({ valid: true });
  });

  it("plans and pays milestones within the budget, never edits a paid one, and reports the year's budget", async () => {
    const finance = lead('finance@mcst', 'finance_officer');
    const c = await creator();
    await vetCounterparty(client, c.id);
    const draft = await client.request(
      A.create,
      { input: { ...draftInput(c.id, '2026-01-01', '2026-12-31'), budget: 100_000_000 } },
      manager,
    );
    const first = await client.request(
      A.addMilestone,
      { id: draft.id, input: { label: 'Advance', dueDate: '2026-03-01', amount: 40_000_000 } },
      finance,
    );
    expect(first.milestones).toEqual([
      expect.objectContaining({ label: 'Advance', amount: 40_000_000, status: 'planned' }),
    ]);
    const over = await rejection(
      client.request(
        A.addMilestone,
        { id: draft.id, input: { label: 'Too much', dueDate: '2026-06-01', amount: 70_000_000 } },
        finance,
      ),
    );
    expect(over.code).toBe('agreement.milestones_over_budget');
    expect(over.extensions).toMatchObject({ total: 110_000_000, budget: 100_000_000 });
    expect(
      (
        await rejection(
          client.request(
            A.addMilestone,
            { id: draft.id, input: { label: 'x', dueDate: '2026-06-01', amount: 1 } },
            manager,
          ),
        )
      ).code,
    ).toBe('auth.forbidden');
    const milestoneId = first.milestones[0].id;
    expect(
      (
        await rejection(
          client.request(
            A.payMilestone,
            { id: draft.id, milestoneId, input: { paymentReference: 'KBNN-001' } },
            finance,
          ),
        )
      ).code,
    ).toBe('agreement.not_editable');

    await approveAndSign(client, draft.id);
    const paid = await client.request(
      A.payMilestone,
      { id: draft.id, milestoneId, input: { paymentReference: 'KBNN-2026-03-118' } },
      finance,
    );
    expect(paid.milestones[0]).toMatchObject({
      status: 'paid',
      paidBy: 'finance@mcst',
      paymentReference: 'KBNN-2026-03-118',
    });
    expect(
      (await rejection(client.request(A.updateMilestone, { id: draft.id, milestoneId, input: { amount: 1 } }, finance)))
        .code,
    ).toBe('agreement.milestone_paid');

    const report = await client.request(A.budget, { query: { year: 2026 } }, finance);
    expect(report.counterparties.find((l) => l.counterpartyId === c.id)).toEqual({
      counterpartyId: c.id,
      displayName: 'Đặng Minh Châu Travel',
      committed: 100_000_000,
      paid: 40_000_000,
      remaining: 60_000_000,
    });
    expect(await client.request(A.budget, { query: { year: 2026 } }, mofa)).toEqual({
      year: 2026,
      agencies: [],
      counterparties: [],
    });

    // Terminated, the agreement commits only what was paid: its unpaid 60,000,000 is no longer committed nor remaining.
    const before = (await client.request(A.budget, { query: { year: 2026 } }, finance)).agencies.find(
      (l) => l.agencyId === 'mcst-ttcs',
    )!;
    await client.request(A.terminate, { id: draft.id, input: { reason: 'The programme was cancelled' } }, admin);
    const after = await client.request(A.budget, { query: { year: 2026 } }, finance);
    expect(after.counterparties.find((l) => l.counterpartyId === c.id)).toEqual({
      counterpartyId: c.id,
      displayName: 'Đặng Minh Châu Travel',
      committed: 40_000_000,
      paid: 40_000_000,
      remaining: 0,
    });
    expect(after.agencies.find((l) => l.agencyId === 'mcst-ttcs')).toMatchObject({
      committed: before.committed - 60_000_000,
      remaining: before.remaining - 60_000_000,
    });
  });

  it('amends a signed agreement as a new version through review and signatures, keeping the prior version readable', async () => {
    const finance = lead('finance@mcst', 'finance_officer');
    const c = await creator();
    await vetCounterparty(client, c.id);
    const draft = await client.request(A.create, { input: { ...draftInput(c.id), budget: 100_000_000 } }, manager);
    expect(
      (
        await rejection(
          client.request(A.amend, { id: draft.id, input: { changes: { budget: 1 }, reason: 'x' } }, manager),
        )
      ).code,
    ).toBe('agreement.not_editable');
    await approveAndSign(client, draft.id);
    await client.request(
      A.addMilestone,
      { id: draft.id, input: { label: 'Advance', dueDate: '2026-03-01', amount: 40_000_000 } },
      finance,
    );

    const under = await rejection(
      client.request(A.amend, { id: draft.id, input: { changes: { budget: 30_000_000 }, reason: 'cut' } }, manager),
    );
    expect(under.code).toBe('agreement.milestones_over_budget');
    expect(under.errors[0].path).toBe('changes.budget');
    const same = await rejection(
      client.request(A.amend, { id: draft.id, input: { changes: { budget: 100_000_000 }, reason: 'same' } }, manager),
    );
    expect(same.errors[0]).toMatchObject({ path: 'changes', code: 'nothing_changes' });

    const proposed = await client.request(
      A.amend,
      {
        id: draft.id,
        input: {
          changes: { budget: 120_000_000, term: { start: '2026-01-01', end: '2027-03-31' } },
          reason: 'Two more livestreams in Q1 2027',
        },
      },
      manager,
    );
    expect(proposed).toMatchObject({ status: 'active', budget: 100_000_000, term: { end: '2026-12-31' } });
    expect(proposed.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'signed'],
      [2, 'in_review'],
    ]);
    expect(proposed.versions[1].changes).toEqual([
      { field: 'budget', from: 100_000_000, to: 120_000_000 },
      {
        field: 'term',
        from: { start: '2026-01-01', end: '2026-12-31' },
        to: { start: '2026-01-01', end: '2027-03-31' },
      },
    ]);
    expect(
      (
        await rejection(
          client.request(A.amend, { id: draft.id, input: { changes: { title: 'Another' }, reason: 'x' } }, manager),
        )
      ).code,
    ).toBe('agreement.amendment_pending');

    await client.request(
      A.amendmentDecision,
      { id: draft.id, version: 2, input: { decision: 'approve', comments: 'Budget within the plan' } },
      legal,
    );
    await client.request(
      A.amendmentSign,
      {
        id: draft.id,
        version: 2,
        input: {
          party: 'agency',
          signatoryName: 'Trần Minh Quân',
          signedAt: '2026-06-01T02:00:00Z',
          method: 'in_person',
        },
      },
      admin,
    );
    const amended = await client.request(
      A.amendmentSign,
      {
        id: draft.id,
        version: 2,
        input: {
          party: 'counterparty',
          signatoryName: 'Đặng Minh Châu',
          signedAt: '2026-06-02T02:00:00Z',
          method: 'e_signature',
        },
      },
      admin,
    );
    expect(amended).toMatchObject({
      status: 'active',
      budget: 120_000_000,
      term: { start: '2026-01-01', end: '2027-03-31' },
    });
    expect(amended.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'superseded'],
      [2, 'signed'],
    ]);
    expect(amended.versions[0].terms).toMatchObject({ budget: 100_000_000, term: { end: '2026-12-31' } });
    await events.waitFor((es) =>
      es.some((e) => e.type.endsWith('.amended') && (e.data as { agreementId: string }).agreementId === draft.id),
    );
  });

  it('shows in legal review that a counterparty whose vetting failed was set vetted by the legal officer’s override', async () => {
    const c = await creator();
    await client.request(
      R.creatorAddVetting,
      { id: c.id, input: { outcome: 'failed', notes: 'Undisclosed sponsorships in 2025' } },
      registrar,
    );
    // With only a failed vetting result, the registrar cannot set vetted, so legal review cannot pass.
    expect(
      (
        await rejection(
          client.request(R.creatorChangeStatus, { id: c.id, input: { to: 'vetted', reason: 'ok' } }, registrar),
        )
      ).code,
    ).toBe('creator.vetting_required');
    const draft = await client.request(A.create, { input: draftInput(c.id) }, manager);
    await client.request(A.submitForReview, { id: draft.id }, manager);
    expect(
      (
        await rejection(
          client.request(A.legalDecision, { id: draft.id, input: { decision: 'approve', comments: 'ok' } }, legal),
        )
      ).code,
    ).toBe('agreement.counterparty_not_eligible');

    const reason = 'Sponsorships disclosed since; the ministry accepts the risk for this agreement';
    await client.request(R.creatorChangeStatus, { id: c.id, input: { to: 'vetted', reason, override: true } }, legal);
    const approved = await client.request(
      A.legalDecision,
      { id: draft.id, input: { decision: 'approve', comments: 'Approved on the override' } },
      legal,
    );
    expect(approved.legalReviews.at(-1)).toMatchObject({
      decision: 'approve',
      counterpartyVettedByOverride: { reason, by: 'legal@mcst', at: expect.any(String) },
    });
  });

  it('stays signed, not active, when the term has not begun', async () => {
    const c = await creator();
    await vetCounterparty(client, c.id);
    const draft = await client.request(A.create, { input: draftInput(c.id, '2099-01-01', '2099-12-31') }, manager);
    await approveAndSign(client, draft.id, '2026-03-01T00:00:00Z');
    expect((await client.request(A.get, { id: draft.id }, auditor)).status).toBe('signed');
  });

  it('keeps its own copy of the registry’s creators from its events: names, renames and status changes', async () => {
    const c = await creator();
    await waitUntil(async () => (await copyOf(c.id))?.display_name === 'Đặng Minh Châu Travel');
    await client.request(
      R.creatorUpdate,
      { id: c.id, expectedVersion: 1, changes: { displayName: 'Châu Travel Vlog' } },
      registrar,
    );
    await waitUntil(async () => (await copyOf(c.id))?.display_name === 'Châu Travel Vlog');
    const draft = await client.request(A.create, { input: draftInput(c.id) }, manager);
    expect(draft.counterparty).toEqual({ id: c.id, displayName: 'Châu Travel Vlog' });

    await client.request(
      R.creatorChangeStatus,
      { id: c.id, input: { to: 'offboarded', reason: 'Left the programme' } },
      registrar,
    );
    await waitUntil(async () => (await copyOf(c.id))?.status === 'offboarded');
    expect(await copyOf(c.id)).toEqual({ display_name: 'Châu Travel Vlog', status: 'offboarded' });
  });

  it('drafts from its copy while the registry does not answer, and answers 503 service.unavailable, not a guess, for what only the registry can say', async () => {
    const c = await creator();
    const draft = await client.request(A.create, { input: draftInput(c.id) }, manager);
    await client.request(A.submitForReview, { id: draft.id }, manager);
    await waitUntil(async () => (await copyOf(c.id)) !== null);
    await sut.withoutRegistry(async () => {
      // A creator it has heard of: drafted without the registry.
      expect(await client.request(A.create, { input: draftInput(c.id) }, manager)).toMatchObject({
        status: 'draft',
        counterparty: { id: c.id },
      });
      // One it has not heard of is asked of the registry, which does not answer.
      const unheard = await rejection(
        client.request(A.create, { input: draftInput('01a20e35-34e4-727a-8fbf-6d323698c309') }, manager),
      );
      expect(unheard).toMatchObject({ code: 'service.unavailable', extensions: { service: 'registry' } });
      // Legal review decides on the registry's status as it is now.
      const down = await rejection(
        client.request(A.legalDecision, { id: draft.id, input: { decision: 'approve', comments: 'ok' } }, legal),
      );
      expect(down.code).toBe('service.unavailable');
      expect(down.extensions).toMatchObject({ service: 'registry' });
      expect((await client.request(A.get, { id: draft.id }, legal)).status).toBe('legal_review');
    });
  });
});
