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
const reviewerActor: Actor = { userId: 'reviewer@mcst', orgId: 'mcst-ttcs', roles: ['reviewer'] };

/**
 * Each test builds the creators, agreement, campaign and briefs it needs, so
 * that any one of them runs alone (`-t`) or in any order and means the same.
 */
describe('tasking service: fan-out, assignments and reactions to other services, over NATS on PostgreSQL', () => {
  let sys: TaskingTestSystem;
  let events: EventCollector;

  beforeAll(async () => {
    sys = await startTaskingTestSystem({ tasking: { TASKING_CREATOR_CAPACITY: 2, TASKING_CALENDAR_MS: 200 } });
    events = await new EventCollector(sys.nc, sys.env).start();
  });
  afterAll(async () => {
    await events.stop();
    await sys.stop();
  });

  /** A management company with an active agreement for `quota` TikTok videos, known to tasking's read model. */
  const companyWithAgreement = async (name: string, quota = 9) => {
    const company = await registerCreator(sys.client, name, { kind: 'management_company' });
    const agreementId = newId();
    await publishAgreementEvent(sys, 'activated', {
      agreementId,
      counterpartyId: company,
      deliverables: [{ platform: 'tiktok', quantity: quota }],
    });
    await eventually(
      async () =>
        (await sys.db.query('SELECT 1 FROM agreement_coverage WHERE agreement_id = $1', [agreementId])).length,
      'the agreement in the read model',
    );
    return { company, agreementId };
  };
  const managed = (company: string, name: string, options: Parameters<typeof registerCreator>[2] = {}) =>
    registerCreator(sys.client, name, { companyId: company, ...options });
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
  const offerTo = async (briefId: string, creatorId: string) => {
    const result = await fanOut(briefId, { creatorIds: [creatorId] });
    expect(result.results[0]).toMatchObject({ outcome: 'offered' });
    return result.results[0].assignmentId!;
  };
  const assignment = (id: string, actor: Actor = actors.manager) => sys.client.request(T.assignmentGet, { id }, actor);
  const respond = (id: string, move: 'accept' | 'decline', actor: Actor, note?: string) =>
    sys.client.request(T.assignmentRespond, { id, move, input: note ? { note } : {} }, actor);
  const reached = (id: string, status: string) =>
    eventually(async () => {
      const a = await assignment(id);
      return a.status === status ? a : null;
    }, status);
  /** The content approval service's events for an accepted assignment: submitted, approved, published. */
  const publishWork = async (id: string, creator: string) => {
    await publishEvent(sys, EVENTS.approvals.submissionSubmitted, creatorActor(creator), {
      assignmentId: id,
      submissionId: newId(),
    });
    await reached(id, 'submitted');
    await publishEvent(sys, EVENTS.approvals.submissionApproved, reviewerActor, { assignmentId: id });
    await reached(id, 'approved');
    await publishEvent(sys, EVENTS.approvals.publicationRecorded, creatorActor(creator), {
      assignmentId: id,
      url: 'https://www.tiktok.com/@x/video/1',
    });
    return reached(id, 'published');
  };

  it('offers a brief to every eligible creator in one call and says why the others were skipped', async () => {
    const { company } = await companyWithAgreement('Sao Việt Media');
    const [lan, hung, vetted, suspended] = await Promise.all([
      managed(company, 'Lan Anh Travel'),
      managed(company, 'Hùng Phượt Việt'),
      managed(company, 'Minh Tú Vlog', { status: 'vetted' }),
      managed(company, 'Bếp Nhà Mai', { status: 'suspended' }),
    ]);
    const alone = await registerCreator(sys.client, 'Sử Việt Kể Chuyện');
    const firstBrief = await brief(await campaign('Hanoi Convention — joint with MOFA', ['mofa']), 10);
    const unknown = newId();
    const everyone = [lan, hung, alone, vetted, suspended, unknown];
    const key = `fan-out-${newId()}`;
    const result = await fanOut(firstBrief, { creatorIds: everyone }, key);
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

    const offeredEvents = await events.waitFor(
      (es) =>
        es.filter(
          (e) => e.type === EVENTS.tasking.assignmentOffered && (e.data as { briefId: string }).briefId === firstBrief,
        ).length >= 2,
    );
    expect(
      offeredEvents
        .filter(
          (e) => e.type === EVENTS.tasking.assignmentOffered && (e.data as { briefId: string }).briefId === firstBrief,
        )
        .map((e) => (e.data as { creatorId: string }).creatorId)
        .sort(),
    ).toEqual([lan, hung].sort());
    await events.waitFor((es) =>
      es.some(
        (e) => e.type === EVENTS.tasking.fanOutCompleted && (e.data as { fanOutId: string }).fanOutId === result.id,
      ),
    );

    // The same call again (a retry) is the same fan-out: nothing is offered twice.
    const again = await fanOut(firstBrief, { creatorIds: everyone }, key);
    expect(again.id).toBe(result.id);
    expect(
      (await sys.db.query('SELECT count(*)::int AS n FROM assignments WHERE brief_id = $1', [firstBrief]))[0].n,
    ).toBe(2);
    // A second fan-out of the same brief skips those who have it already.
    expect(outcomeOf(await fanOut(firstBrief, { creatorIds: [lan] }))).toEqual({ [lan]: 'already_offered' });
  });

  it('refuses bad fan-outs clearly and changes nothing', async () => {
    const { company } = await companyWithAgreement('Công ty Sông Hồng');
    const lan = await managed(company, 'Lan Chi Du Ký');
    const briefId = await brief(await campaign('Bad fan-outs'), 10);
    const both = await rejection(fanOut(briefId, { creatorIds: [lan], filter: { topic: 'tourism' } }));
    expect(both).toMatchObject({
      code: 'validation.failed',
      errors: [expect.objectContaining({ path: 'input.creatorIds' })],
    });
    const asWho = (actor: Actor) =>
      rejection(sys.client.request(T.fanOutStart, { id: briefId, input: { creatorIds: [lan] } }, actor));
    expect((await asWho(actors.reviewer)).code).toBe('auth.forbidden');
    expect((await asWho(actors.hcmc)).code).toBe('not_found');
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
    // Nothing was offered by any of them.
    expect((await sys.db.query('SELECT count(*)::int AS n FROM assignments WHERE creator_id = $1', [lan]))[0].n).toBe(
      0,
    );
  });

  it('lets the creator, and only the creator, accept or decline; partners follow progress without fees', async () => {
    const { company, agreementId } = await companyWithAgreement('Sen Hồng Media');
    const [lan, hung] = await Promise.all([managed(company, 'Lan Hương Ký'), managed(company, 'Hùng Đi Đâu')]);
    const jointCampaign = await campaign('Hanoi Convention — joint with MOFA', ['mofa']);
    const briefId = await brief(jointCampaign, 10);
    const offered = await fanOut(briefId, { creatorIds: [lan, hung] });
    const offerOf = (creator: string) => offered.results.find((r) => r.creatorId === creator)!.assignmentId!;

    const mine = await sys.client.request(T.assignmentList, { query: { mine: true } }, creatorActor(lan));
    expect(mine.items.map((a) => a.id)).toEqual([offerOf(lan)]);
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

    expect((await rejection(assignment(offerOf(lan), creatorActor(hung)))).code).toBe('not_found');
    expect((await rejection(respond(offerOf(lan), 'accept', actors.manager))).code).toBe('auth.forbidden');
    const accepted = await respond(offerOf(lan), 'accept', creatorActor(lan), 'Happy to');
    expect(accepted).toMatchObject({
      status: 'accepted',
      statusHistory: [
        expect.objectContaining({ to: 'offered' }),
        expect.objectContaining({ from: 'offered', to: 'accepted', reason: 'Happy to' }),
      ],
    });
    expect((await rejection(respond(offerOf(lan), 'decline', creatorActor(lan)))).code).toBe(
      'assignment.status_transition_forbidden',
    );
    expect((await respond(offerOf(hung), 'decline', creatorActor(hung), 'Travelling')).status).toBe('declined');
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
    expect((await rejection(assignment(offerOf(lan), actors.hcmc))).code).toBe('not_found');
    expect((await sys.client.request(T.assignmentList, { query: {} }, actors.hcmc)).items).toEqual([]);
  });

  it('skips a calendar conflict with another campaign and capacity, unless a manager overrides with a reason', async () => {
    const { company } = await companyWithAgreement('Mây Trắng Media');
    const lan = await managed(company, 'Lan Đi Phố');
    const firstCampaign = await campaign('Hanoi Convention');
    const firstBrief = await brief(firstCampaign, 10);
    const first = await offerTo(firstBrief, lan);
    await respond(first, 'accept', creatorActor(lan));

    const other = await campaign('National Day 2 September');
    // Its window overlaps the first brief's (the 24 hours before day 10).
    const clash = await brief(other, 10, {
      window: { start: daysFromNow(9.5).toISOString(), end: daysFromNow(10.5).toISOString() },
    });
    const skipped = await fanOut(clash, { creatorIds: [lan] });
    expect(skipped.results[0]).toMatchObject({
      outcome: 'skipped',
      reason: 'calendar_conflict',
      detail: expect.stringContaining(firstCampaign),
    });

    const overridden = await fanOut(clash, {
      creatorIds: [lan],
      overrides: [{ creatorId: lan, reason: 'Parade coverage agreed with the creator' }],
    });
    expect(overridden.results[0]).toMatchObject({ outcome: 'offered', overridden: ['calendar_conflict'] });
    const second = overridden.results[0].assignmentId!;
    expect(await assignment(second)).toMatchObject({
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
      [`assignment:${first}`, `assignment:${second}`].sort(),
    );
    const agencyCalendar = await sys.client.request(
      T.calendar,
      { query: { from: isoDate(daysFromNow(0)), to: isoDate(daysFromNow(40)) } },
      actors.manager,
    );
    expect(agencyCalendar.items.filter((i) => i.kind === 'campaign').map((i) => i.id)).toEqual(
      expect.arrayContaining([firstCampaign, other]),
    );
    expect(agencyCalendar.items.filter((i) => i.kind === 'brief').map((i) => i.id)).toEqual(
      expect.arrayContaining([firstBrief, clash, later]),
    );
  });

  it('uses up an agreement’s quota and fans out by registry filter', async () => {
    // Quota 5 videos; each offer takes the brief's 2: two creators fit, the third does not.
    const { company } = await companyWithAgreement('Sách Việt Media', 5);
    const declined = await managed(company, 'Ký Sự Trường Sơn', { topics: ['culture'] });
    const more = await Promise.all(
      ['Ký Sự Điện Biên', 'Góc Nhìn Quân Sự', 'Sách Hay Mỗi Ngày'].map((n) =>
        managed(company, n, { topics: ['history'] }),
      ),
    );
    const other = await campaign('Reading culture day');
    // A declined offer gives its share of the quota back.
    await respond(await offerTo(await brief(other, 20), declined), 'decline', creatorActor(declined));

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
    const { company } = await companyWithAgreement('Phố Cổ Media');
    const lan = await managed(company, 'Lan Phố Cổ');
    const id = await offerTo(await brief(await campaign('Approval events'), 10), lan);
    await respond(id, 'accept', creatorActor(lan));

    const submissionId = newId();
    const submitted = await publishEvent(sys, EVENTS.approvals.submissionSubmitted, creatorActor(lan), {
      assignmentId: id,
      submissionId,
    });
    await reached(id, 'submitted');
    // The creator finds their submission from the assignment.
    expect((await assignment(id, creatorActor(lan))).submissionId).toBe(submissionId);
    // The same event again (a redelivery with the same id) changes nothing.
    await publishEvent(
      sys,
      EVENTS.approvals.submissionChangesRequested,
      reviewerActor,
      { assignmentId: id },
      submitted,
    );
    await publishEvent(sys, EVENTS.approvals.submissionApproved, reviewerActor, { assignmentId: id });
    await reached(id, 'approved');
    await publishEvent(sys, EVENTS.approvals.publicationRecorded, creatorActor(lan), {
      assignmentId: id,
      url: 'https://www.tiktok.com/@x/video/1',
    });
    const published = await reached(id, 'published');
    expect(published.statusHistory.map((h) => h.to)).toEqual([
      'offered',
      'accepted',
      'submitted',
      'approved',
      'published',
    ]);
  });

  it('withdraws a suspended creator’s offers, and cancels or flags the work of an ended agreement', async () => {
    const { company, agreementId } = await companyWithAgreement('Hoa Sen Media');
    const [lan, hung] = await Promise.all([managed(company, 'Lan Hoa Sen'), managed(company, 'Hùng Hoa Sen')]);
    const campaignId = await campaign('Ended agreement');
    const published = await offerTo(await brief(campaignId, 10), lan);
    await respond(published, 'accept', creatorActor(lan));
    await publishWork(published, lan);
    const open = await offerTo(await brief(campaignId, 30), lan);
    const hungs = await offerTo(await brief(campaignId, 20), hung);

    await sys.client.request(
      SUBJECTS.registry.creatorChangeStatus,
      { id: lan, input: { to: 'suspended', reason: 'Undisclosed sponsorship under review' } },
      actors.registrar,
    );
    const withdrawn = await reached(open, 'cancelled');
    expect(withdrawn.statusHistory.at(-1)!.reason).toContain('suspended');
    expect((await assignment(published)).status).toBe('published');
    expect((await assignment(hungs)).status).toBe('offered');

    await publishAgreementEvent(sys, 'ended', {
      agreementId,
      counterpartyId: company,
      reason: 'Terminated by the agency',
    });
    await eventually(
      async () => (await assignment(published)).flags.includes('agreement_ended'),
      'the published work flagged',
    );
    await reached(hungs, 'cancelled');
    const stillOpen = await sys.db.query(
      `SELECT count(*)::int AS n FROM assignments WHERE agreement_id = $1 AND status IN ('offered', 'accepted')`,
      [agreementId],
    );
    expect(stillOpen[0].n).toBe(0);
    expect((await assignment(published)).status).toBe('published');
    await events.waitFor((es) =>
      es.some(
        (e) =>
          e.type === EVENTS.tasking.assignmentStatusChanged &&
          (e.data as { assignmentId: string; note: string | null }).assignmentId === hungs &&
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
    const offer = await offerTo(await brief(other, 3), solo);
    // The due time passes.
    await sys.db.query(`UPDATE assignments SET due_at = now() - interval '1 minute' WHERE id = $1`, [offer]);
    const expired = await reached(offer, 'expired');
    expect(expired.statusHistory.at(-1)).toMatchObject({ from: 'offered', to: 'expired', by: 'system:calendar' });
  });
});
