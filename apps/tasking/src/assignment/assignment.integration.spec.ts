import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENTS, SUBJECTS, type Actor, type BriefInput, type DomainError, type FanOutView } from '@concord/domain';
import { EventCollector, rejection as rejectionOf } from '@concord/testing';
import type { z } from 'zod';
import {
  actors,
  creatorActor,
  daysFromNow,
  eventually,
  isoDate,
  newId,
  publishAgreementEvent,
  publishEvent,
  registerCreator,
  startTaskingTestSystem,
  type TaskingTestSystem,
} from '../test/tasking.test-helpers';

const T = SUBJECTS.tasking;
const rejection = (promise: Promise<unknown>) => rejectionOf<DomainError>(promise);

describe('tasking service: fan-out, assignments and reactions to other services, over NATS on PostgreSQL', () => {
  let sys: TaskingTestSystem;
  let events: EventCollector;
  let company: string, lan: string, hung: string, alone: string, vetted: string, suspended: string;
  const agreementId = newId();

  const campaign = async (title: string, partners: string[] = []) => {
    const c = await sys.client.request(
      T.campaignCreate,
      {
        input: {
          title,
          objective: 'Explain the Hanoi Convention',
          keyMessages: ['Viet Nam hosts the signing'],
          platforms: ['tiktok'],
          period: { start: isoDate(daysFromNow(-1)), end: isoDate(daysFromNow(60)) },
          budget: 100_000_000,
          partnerAgencyIds: partners,
        },
      },
      actors.manager,
    );
    await sys.client.request(T.campaignActivate, { id: c.id }, actors.manager);
    return c.id;
  };
  const brief = async (campaignId: string, dueInDays: number, over: Partial<z.input<typeof BriefInput>> = {}) =>
    (
      await sys.client.request(
        T.briefCreate,
        {
          id: campaignId,
          input: {
            kind: 'short_video',
            title: 'The signing in 60 seconds',
            keyMessages: ['Viet Nam hosts the signing'],
            platforms: ['tiktok'],
            languages: ['en'],
            dueAt: daysFromNow(dueInDays).toISOString(),
            quantity: 2,
            feePerDeliverable: 5_000_000,
            ...over,
          },
        },
        actors.manager,
      )
    ).id;
  const fanOut = (briefId: string, input: Record<string, unknown>, key?: string) =>
    sys.client.request(T.fanOutStart, { id: briefId, input }, actors.manager, key ? { idempotencyKey: key } : {});
  const outcomeOf = (f: FanOutView) =>
    Object.fromEntries(f.results.map((r) => [r.creatorId, r.outcome === 'offered' ? 'offered' : r.reason]));
  const assignment = (id: string, actor: Actor = actors.manager) => sys.client.request(T.assignmentGet, { id }, actor);

  beforeAll(async () => {
    sys = await startTaskingTestSystem({ tasking: { TASKING_CREATOR_CAPACITY: 2, TASKING_CALENDAR_MS: 200 } });
    events = await new EventCollector(sys.nc, sys.env).start();
    company = await registerCreator(sys.client, 'Sao Việt Media', { kind: 'management_company' });
    [lan, hung, alone, vetted, suspended] = await Promise.all([
      registerCreator(sys.client, 'Lan Anh Travel', { companyId: company }),
      registerCreator(sys.client, 'Hùng Phượt Việt', { companyId: company }),
      registerCreator(sys.client, 'Sử Việt Kể Chuyện'),
      registerCreator(sys.client, 'Minh Tú Vlog', { companyId: company, status: 'vetted' }),
      registerCreator(sys.client, 'Bếp Nhà Mai', { companyId: company, status: 'suspended' }),
    ]);
    await publishAgreementEvent(sys, 'activated', {
      agreementId,
      counterpartyId: company,
      deliverables: [{ platform: 'tiktok', quantity: 9 }],
    });
    await eventually(
      async () =>
        (await sys.db.query('SELECT 1 FROM agreement_coverage WHERE agreement_id = $1', [agreementId])).length,
      'the agreement in the read model',
    );
  });
  afterAll(async () => {
    await events.stop();
    await sys.stop();
  });

  let offeredToLan: string;
  let jointCampaign: string;
  let firstBrief: string;

  it('offers a brief to every eligible creator in one call and says why the others were skipped', async () => {
    jointCampaign = await campaign('Hanoi Convention — joint with MOFA', ['mofa']);
    firstBrief = await brief(jointCampaign, 10);
    const unknown = newId();
    const result = await fanOut(
      firstBrief,
      { creatorIds: [lan, hung, alone, vetted, suspended, unknown] },
      'fan-out-1',
    );
    expect(result).toMatchObject({ status: 'completed', total: 6, processed: 6, offered: 2, skipped: 4 });
    expect(outcomeOf(result)).toEqual({
      [lan]: 'offered',
      [hung]: 'offered',
      [alone]: 'no_agreement',
      [vetted]: 'not_active',
      [suspended]: 'suspended',
      [unknown]: 'not_found',
    });
    expect(result.skippedByReason).toEqual({ no_agreement: 1, not_active: 1, suspended: 1, not_found: 1 });
    offeredToLan = result.results.find((r) => r.creatorId === lan)!.assignmentId!;

    const offeredEvents = await events.waitFor(
      (es) => es.filter((e) => e.type === EVENTS.tasking.assignmentOffered).length >= 2,
    );
    expect(
      offeredEvents
        .filter((e) => e.type === EVENTS.tasking.assignmentOffered)
        .map((e) => (e.data as { creatorId: string }).creatorId)
        .sort(),
    ).toEqual([lan, hung].sort());
    await events.waitFor((es) =>
      es.some(
        (e) => e.type === EVENTS.tasking.fanOutCompleted && (e.data as { fanOutId: string }).fanOutId === result.id,
      ),
    );

    // The same call again (a retry) is the same fan-out: nothing is offered twice.
    const again = await fanOut(firstBrief, { creatorIds: [lan, hung, alone, vetted, suspended, unknown] }, 'fan-out-1');
    expect(again.id).toBe(result.id);
    expect(
      (await sys.db.query('SELECT count(*)::int AS n FROM assignments WHERE brief_id = $1', [firstBrief]))[0].n,
    ).toBe(2);
    // A second fan-out of the same brief skips those who have it already.
    expect(outcomeOf(await fanOut(firstBrief, { creatorIds: [lan] }))).toEqual({ [lan]: 'already_offered' });
  });

  it('refuses bad fan-outs clearly and changes nothing', async () => {
    const both = await rejection(fanOut(firstBrief, { creatorIds: [lan], filter: { topic: 'tourism' } }));
    expect(both).toMatchObject({
      code: 'validation.failed',
      errors: [expect.objectContaining({ path: 'input.creatorIds' })],
    });
    expect(
      (
        await rejection(
          sys.client.request(T.fanOutStart, { id: firstBrief, input: { creatorIds: [lan] } }, actors.reviewer),
        )
      ).code,
    ).toBe('auth.forbidden');
    expect(
      (
        await rejection(
          sys.client.request(T.fanOutStart, { id: firstBrief, input: { creatorIds: [lan] } }, actors.hcmc),
        )
      ).code,
    ).toBe('not_found');
    const planning = await sys.client.request(
      T.campaignCreate,
      {
        input: {
          title: 'Not yet active',
          objective: 'x',
          keyMessages: ['x'],
          platforms: ['tiktok'],
          period: { start: isoDate(daysFromNow(0)), end: isoDate(daysFromNow(30)) },
          budget: 0,
        },
      },
      actors.manager,
    );
    const notActive = await rejection(fanOut(await brief(planning.id, 5), { creatorIds: [lan] }));
    expect(notActive.code).toBe('campaign.not_active');
  });

  it('lets the creator, and only the creator, accept or decline; partners follow progress without fees', async () => {
    const mine = await sys.client.request(T.assignmentList, { query: { mine: true } }, creatorActor(lan));
    expect(mine.items.map((a) => a.id)).toEqual([offeredToLan]);
    expect(mine.items[0]).toMatchObject({
      status: 'offered',
      feePerDeliverable: 5_000_000,
      brief: { title: 'The signing in 60 seconds', quantity: 2 },
      agreementId,
      // What the content must carry: the agreement's label, the campaign's key messages.
      disclosureLabel: '#HợpTác cùng Cục TTCS&TTĐN',
      campaign: {
        title: 'Hanoi Convention — joint with MOFA',
        keyMessages: ['Viet Nam hosts the signing'],
        requiredHashtags: [],
      },
    });

    expect((await rejection(assignment(offeredToLan, creatorActor(hung)))).code).toBe('not_found');
    expect(
      (
        await rejection(
          sys.client.request(T.assignmentRespond, { id: offeredToLan, move: 'accept', input: {} }, actors.manager),
        )
      ).code,
    ).toBe('auth.forbidden');
    const accepted = await sys.client.request(
      T.assignmentRespond,
      { id: offeredToLan, move: 'accept', input: { note: 'Happy to' } },
      creatorActor(lan),
    );
    expect(accepted).toMatchObject({
      status: 'accepted',
      statusHistory: [
        expect.objectContaining({ to: 'offered' }),
        expect.objectContaining({ from: 'offered', to: 'accepted', reason: 'Happy to' }),
      ],
    });
    expect(
      (
        await rejection(
          sys.client.request(T.assignmentRespond, { id: offeredToLan, move: 'decline', input: {} }, creatorActor(lan)),
        )
      ).code,
    ).toBe('assignment.status_transition_forbidden');

    const hungs = (await sys.client.request(T.assignmentList, { query: { mine: true } }, creatorActor(hung))).items[0];
    expect(
      (
        await sys.client.request(
          T.assignmentRespond,
          { id: hungs.id, move: 'decline', input: { note: 'Travelling' } },
          creatorActor(hung),
        )
      ).status,
    ).toBe('declined');
    // The company sees the assignments of the creators it manages.
    expect(
      (await sys.client.request(T.assignmentList, { query: { mine: true } }, creatorActor(company))).items,
    ).toHaveLength(2);

    const forMofa = await sys.client.request(T.assignmentList, { query: { campaignId: jointCampaign } }, actors.mofa);
    expect(forMofa.items).toHaveLength(2);
    expect(forMofa.items.every((a) => a.feePerDeliverable === undefined)).toBe(true);
    expect(await sys.client.request(T.assignmentProgress, { id: jointCampaign }, actors.mofa)).toEqual({
      campaignId: jointCampaign,
      byStatus: { accepted: 1, declined: 1 },
      total: 2,
    });
    expect((await rejection(assignment(offeredToLan, actors.hcmc))).code).toBe('not_found');
    expect((await sys.client.request(T.assignmentList, { query: {} }, actors.hcmc)).items).toEqual([]);
  });

  let otherOfferToLan: string;

  it('skips a calendar conflict with another campaign and capacity, unless a manager overrides with a reason', async () => {
    const other = await campaign('National Day 2 September');
    // Its window overlaps the first brief's (the 24 hours before day 10).
    const clash = await brief(other, 10, {
      window: { start: daysFromNow(9.5).toISOString(), end: daysFromNow(10.5).toISOString() },
    });
    const skipped = await fanOut(clash, { creatorIds: [lan] });
    expect(skipped.results[0]).toMatchObject({
      outcome: 'skipped',
      reason: 'calendar_conflict',
      detail: expect.stringContaining(jointCampaign),
    });

    const overridden = await fanOut(clash, {
      creatorIds: [lan],
      overrides: [{ creatorId: lan, reason: 'Parade coverage agreed with the creator' }],
    });
    expect(overridden.results[0]).toMatchObject({ outcome: 'offered', overridden: ['calendar_conflict'] });
    otherOfferToLan = overridden.results[0].assignmentId!;
    expect(await assignment(otherOfferToLan)).toMatchObject({
      overrides: [{ kind: 'calendar_conflict', reason: 'Parade coverage agreed with the creator', by: 'manager@mcst' }],
    });

    // Lan now holds two open assignments: at capacity (2 in this test).
    const later = await brief(other, 30);
    expect((await fanOut(later, { creatorIds: [lan] })).results[0]).toMatchObject({ reason: 'over_capacity' });
    const calendar = await sys.client.request(
      T.calendar,
      { query: { from: isoDate(daysFromNow(0)), to: isoDate(daysFromNow(40)) } },
      creatorActor(lan),
    );
    expect(calendar.items.map((i) => `${i.kind}:${i.id}`).sort()).toEqual(
      [`assignment:${offeredToLan}`, `assignment:${otherOfferToLan}`].sort(),
    );
    const agencyCalendar = await sys.client.request(
      T.calendar,
      { query: { from: isoDate(daysFromNow(0)), to: isoDate(daysFromNow(40)) } },
      actors.manager,
    );
    expect(agencyCalendar.items.filter((i) => i.kind === 'campaign').map((i) => i.id)).toEqual(
      expect.arrayContaining([jointCampaign, other]),
    );
    expect(agencyCalendar.items.filter((i) => i.kind === 'brief').map((i) => i.id)).toEqual(
      expect.arrayContaining([firstBrief, clash, later]),
    );
  });

  it('uses up an agreement’s quota and fans out by registry filter', async () => {
    const other = await campaign('Reading culture day');
    // Quota 9: lan's 2 + hung's declined (not counted) + override 2 = 4 used; five more creators × 2 = 10 > 5 left.
    const more = await Promise.all(
      ['Ký Sự Điện Biên', 'Góc Nhìn Quân Sự', 'Sách Hay Mỗi Ngày'].map((n) =>
        registerCreator(sys.client, n, { companyId: company, topics: ['history'] }),
      ),
    );
    const filtered = await fanOut(await brief(other, 20), { filter: { topic: 'history', platform: 'tiktok' } });
    expect(filtered).toMatchObject({
      status: 'completed',
      target: 'filter',
      total: 3,
      processed: 3,
      offered: 2,
      skipped: 1,
      skippedByReason: { quota_used: 1 },
    });
    expect(new Set(filtered.results.map((r) => r.creatorId))).toEqual(new Set(more));
  });

  it('moves assignments with the content approval service’s events, each event once', async () => {
    const reviewerActor = { userId: 'reviewer@mcst', orgId: 'mcst-ttcs', roles: ['reviewer' as const] };
    const submissionId = newId();
    const submitted = await publishEvent(sys, EVENTS.approvals.submissionSubmitted, creatorActor(lan), {
      assignmentId: offeredToLan,
      submissionId,
    });
    await eventually(async () => (await assignment(offeredToLan)).status === 'submitted', 'submitted');
    // The creator finds their submission from the assignment.
    expect((await assignment(offeredToLan, creatorActor(lan))).submissionId).toBe(submissionId);
    // The same event again (a redelivery with the same id) changes nothing.
    await publishEvent(
      sys,
      EVENTS.approvals.submissionChangesRequested,
      reviewerActor,
      { assignmentId: offeredToLan },
      submitted,
    );
    await publishEvent(sys, EVENTS.approvals.submissionApproved, reviewerActor, { assignmentId: offeredToLan });
    await eventually(async () => (await assignment(offeredToLan)).status === 'approved', 'approved');
    await publishEvent(sys, EVENTS.approvals.publicationRecorded, creatorActor(lan), {
      assignmentId: offeredToLan,
      url: 'https://www.tiktok.com/@x/video/1',
    });
    const published = await eventually(async () => {
      const a = await assignment(offeredToLan);
      return a.status === 'published' ? a : null;
    }, 'published');
    expect(published.statusHistory.map((h) => h.to)).toEqual([
      'offered',
      'accepted',
      'submitted',
      'approved',
      'published',
    ]);
  });

  it('withdraws a suspended creator’s offers, and cancels or flags the work of an ended agreement', async () => {
    await sys.client.request(
      SUBJECTS.registry.creatorChangeStatus,
      { id: lan, input: { to: 'suspended', reason: 'Undisclosed sponsorship under review' } },
      actors.registrar,
    );
    await eventually(async () => (await assignment(otherOfferToLan)).status === 'cancelled', 'the offer withdrawn');
    expect((await assignment(otherOfferToLan)).statusHistory.at(-1)!.reason).toContain('suspended');
    expect((await assignment(offeredToLan)).status).toBe('published');

    await publishAgreementEvent(sys, 'ended', {
      agreementId,
      counterpartyId: company,
      reason: 'Terminated by the agency',
    });
    await eventually(
      async () => (await assignment(offeredToLan)).flags.includes('agreement_ended'),
      'the published work flagged',
    );
    const stillOpen = await sys.db.query(
      `SELECT count(*)::int AS n FROM assignments WHERE agreement_id = $1 AND status IN ('offered', 'accepted')`,
      [agreementId],
    );
    expect(stillOpen[0].n).toBe(0);
    expect((await assignment(offeredToLan)).status).toBe('published');
    await events.waitFor((es) =>
      es.some(
        (e) =>
          e.type === EVENTS.tasking.assignmentStatusChanged &&
          (e.data as { note: string | null }).note?.includes('ended'),
      ),
    );
  });

  it('expires offers nobody answered by the due time', async () => {
    const other = await campaign('Expiring offers');
    const solo = await registerCreator(sys.client, 'Chuyện Người Việt Ở Paris');
    const ownAgreement = newId();
    await publishAgreementEvent(sys, 'activated', {
      agreementId: ownAgreement,
      counterpartyId: solo,
      deliverables: [],
    });
    await eventually(
      async () =>
        (await sys.db.query('SELECT 1 FROM agreement_coverage WHERE agreement_id = $1', [ownAgreement])).length,
      'the agreement',
    );
    const offer = (await fanOut(await brief(other, 3), { creatorIds: [solo] })).results[0].assignmentId!;
    // The due time passes.
    await sys.db.query(`UPDATE assignments SET due_at = now() - interval '1 minute' WHERE id = $1`, [offer]);
    const expired = await eventually(async () => {
      const a = await assignment(offer);
      return a.status === 'expired' ? a : null;
    }, 'the offer expired');
    expect(expired.statusHistory.at(-1)).toMatchObject({ from: 'offered', to: 'expired', by: 'system:calendar' });
  });
});
