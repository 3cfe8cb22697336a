import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENTS, SUBJECTS, type Actor, type DomainError, type SubmissionView, type RequestOf } from '@concord/domain';
import {
  creatorActor,
  daysFromNow,
  eventually,
  EventCollector,
  isoDate,
  publishAgreementEvent,
  registerCreatorWithHandle,
  rejection as rejectionOf,
  staff,
} from '@concord/testing';
import { newId } from '@concord/domain';
import { startApprovalsTestSystem, type ApprovalsTestSystem } from '../test/approvals.test-helpers';

const A = SUBJECTS.approvals;
const T = SUBJECTS.tasking;
const rejection = (promise: Promise<unknown>) => rejectionOf<DomainError>(promise);
const reviewer2: Actor = { userId: 'reviewer2@mcst', orgId: 'mcst-ttcs', roles: ['reviewer'] };
const LABEL = '#HợpTác cùng Cục TTCS&TTĐN';

/**
 * A joint campaign's clip through review: checked, sent back once, passed by
 * the agency's reviewer, legal and the Foreign Ministry's reviewer,
 * published on the creator's channel, its reach reported and summed; the
 * assignment in tasking follows every step through events.
 *
 * Each test builds the campaign, creator, assignment and submission it needs
 * (offered, accepted, submitted, sentBackOnce, approvedThrough, published),
 * so that any one of them runs alone (`-t`) or in any order and means the same.
 */
describe('approvals service: review, publication and reach, over NATS on PostgreSQL', () => {
  let sys: ApprovalsTestSystem;
  let events: EventCollector;

  beforeAll(async () => {
    sys = await startApprovalsTestSystem({ APPROVALS_DEADLINES_MS: 200 });
    events = await new EventCollector(sys.nc, sys.env).start();
  });
  afterAll(async () => {
    await events.stop();
    await sys.stop();
  });

  const assignment = (id: string) => sys.client.request(T.assignmentGet, { id }, staff.manager);
  const reached = (id: string, status: string, what: string) =>
    eventually(async () => (await assignment(id)).status === status, what);
  const get = (id: string, actor: Actor = staff.reviewer) => sys.client.request(A.get, { id }, actor);
  const decide = (
    actor: Actor,
    decision: 'approve' | 'request_changes' | 'reject',
    s: SubmissionView,
    reason?: string,
  ) =>
    sys.client.request(
      A.decide,
      {
        id: s.id,
        input: { decision, stage: s.currentStage!.index, version: s.versions.length, ...(reason ? { reason } : {}) },
      },
      actor,
    );
  const queuePage = (actor: Actor, cursor?: string) =>
    sys.client.request(A.reviews, { query: { mine: true, ...(cursor ? { cursor } : {}) } }, actor);
  /** Everything in `actor`'s queue (every page) that is one of `ids`. */
  const queued = async (actor: Actor, ids: string[]) => {
    const items: Awaited<ReturnType<typeof queuePage>>['items'] = [];
    let cursor: string | undefined;
    do {
      const page = await queuePage(actor, cursor);
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items.filter((i) => ids.includes(i.id));
  };

  /** An active campaign of the agency's, joint with the Foreign Ministry. */
  const jointCampaign = async () => {
    const campaign = await sys.client.request(
      T.campaignCreate,
      {
        input: {
          title: 'Hanoi Convention signing',
          objective: 'Explain the convention abroad',
          keyMessages: ['Việt Nam là nước chủ nhà'],
          requiredHashtags: ['#CongUocHaNoi'],
          platforms: ['tiktok'],
          period: { start: isoDate(daysFromNow(-1)), end: isoDate(daysFromNow(60)) },
          budget: 0,
          partnerAgencyIds: ['mofa'],
          targets: { views: 1_000_000, publications: 2 },
        },
      },
      staff.manager,
    );
    await sys.client.request(T.campaignActivate, { id: campaign.id }, staff.manager);
    return campaign.id;
  };
  /** 'Lan Anh Travel', with an active agreement, offered a clip of a joint campaign of their own: not yet accepted. */
  const offered = async () => {
    const campaignId = await jointCampaign();
    const creator = await registerCreatorWithHandle(sys.client, 'Lan Anh Travel');
    const me = creatorActor(creator.id, creator.handle);
    await publishAgreementEvent(sys.nc, sys.env, 'activated', {
      agreementId: newId(),
      counterpartyId: creator.id,
      deliverables: [],
    });
    const brief = await sys.client.request(
      T.briefCreate,
      {
        id: campaignId,
        input: {
          kind: 'short_video',
          title: 'The signing in 60 seconds',
          keyMessages: ['hợp tác quốc tế'],
          platforms: ['tiktok'],
          languages: ['en'],
          dueAt: daysFromNow(10).toISOString(),
          quantity: 1,
          feePerDeliverable: 1_000_000,
        },
      },
      staff.manager,
    );
    const assignmentId = await eventually(async () => {
      const f = await sys.client.request(
        T.fanOutStart,
        { id: brief.id, input: { creatorIds: [creator.id] } },
        staff.manager,
      );
      return f.results[0].outcome === 'offered' ? f.results[0].assignmentId : null;
    }, 'the agreement to reach tasking');
    return { campaignId, creator, me, assignmentId };
  };
  /** The same, the assignment accepted by the creator. */
  const accepted = async () => {
    const o = await offered();
    await sys.client.request(T.assignmentRespond, { id: o.assignmentId, move: 'accept', input: {} }, o.me);
    return o;
  };
  /** The clip's first version: no disclosure label and no key message, so two checks fail. */
  const firstVersion: RequestOf<typeof A.submit>['input'] = {
    platform: 'tiktok',
    kind: 'short_video',
    plannedAt: daysFromNow(9).toISOString(),
    title: 'Lễ mở ký',
    text: 'Việt Nam là nước chủ nhà lễ mở ký 🇻🇳 #CongUocHaNoi',
    media: [
      {
        url: 'https://drive.example.vn/clip.mp4',
        mimeType: 'video/mp4',
        sizeBytes: 10_485_760,
        sha256: 'a'.repeat(64),
      },
    ],
  };
  /** An accepted assignment and its first version submitted, at the agency's review; tasking has it as submitted. */
  const submitted = async () => {
    const a = await accepted();
    const submission = await sys.client.request(A.submit, { id: a.assignmentId, input: firstVersion }, a.me);
    await reached(a.assignmentId, 'submitted', 'the assignment to follow');
    return { ...a, submission };
  };
  /** Submitted, sent back by the agency's reviewer once, and its second version (every check passing) in review. */
  const sentBackOnce = async () => {
    const s = await submitted();
    await decide(staff.reviewer, 'request_changes', s.submission, 'Disclosure label and a key message are missing');
    await reached(s.assignmentId, 'accepted', 'the assignment back with the creator');
    const submission = await sys.client.request(
      A.addVersion,
      {
        id: s.submission.id,
        input: {
          title: 'Lễ mở ký',
          text: `Việt Nam là nước chủ nhà lễ mở ký, vì hợp tác quốc tế 🇻🇳 #CongUocHaNoi ${LABEL}`,
          media: s.submission.versions[0].media,
        },
      },
      s.me,
    );
    await reached(s.assignmentId, 'submitted', 'the assignment submitted again');
    return { ...s, submission };
  };
  const deciders: Record<string, Actor> = {
    agency_review: staff.reviewer,
    legal: staff.legal,
    'partner_review:mofa': staff.mofaReviewer,
  };
  /** Sent back once, then approved at each of `stages` in turn (all three: approved, and tasking has it so). */
  const approvedThrough = async (stages: ('agency_review' | 'legal' | 'partner_review:mofa')[]) => {
    const s = await sentBackOnce();
    let submission = s.submission;
    for (const stage of stages) {
      expect(submission.currentStage).toMatchObject({ key: stage });
      submission = await decide(deciders[stage], 'approve', submission);
    }
    if (submission.status === 'approved') await reached(s.assignmentId, 'approved', 'the assignment approved');
    return { ...s, submission };
  };
  /** A reading of a publication's reach, sent by `actor`. */
  const reportReach = (publicationId: string, input: RequestOf<typeof A.metrics>['input'], actor: Actor) =>
    sys.client.request(A.metrics, { id: publicationId, input }, actor);
  /** A publication's reach read twice: 120,000 views three days ago (by the creator, `me`), 450,000 yesterday (by the manager). */
  const twoReadings = async (publicationId: string, me: Actor) => {
    const first = { at: daysFromNow(-3).toISOString(), views: 120_000, likes: 9_000, comments: 300, shares: 1_200 };
    await reportReach(publicationId, first, me);
    const second = { at: daysFromNow(-1).toISOString(), views: 450_000, likes: 30_000, comments: 900, shares: 4_000 };
    await reportReach(publicationId, second, staff.manager);
  };
  /** Approved, published on the creator's channel three days ago, with 120,000 views then and 450,000 two days later. */
  const published = async () => {
    const a = await approvedThrough(['agency_review', 'legal', 'partner_review:mofa']);
    const submission = await sys.client.request(
      A.publish,
      {
        id: a.submission.id,
        input: {
          url: `https://www.tiktok.com/@${a.creator.handle}/video/7300000000000000001`,
          publishedAt: daysFromNow(-3).toISOString(),
        },
      },
      a.me,
    );
    const publicationId = submission.publication!.id;
    await reached(a.assignmentId, 'published', 'the assignment published');
    await twoReadings(publicationId, a.me);
    return { ...a, submission, publicationId };
  };

  it('refuses content for an assignment the creator has not accepted', async () => {
    const { assignmentId, me } = await offered();
    const input = {
      platform: 'tiktok',
      kind: 'short_video',
      plannedAt: daysFromNow(9).toISOString(),
      text: 'x',
    } as const;
    expect((await rejection(sys.client.request(A.submit, { id: assignmentId, input }, me))).code).toBe(
      'submission.assignment_not_accepted',
    );
    await sys.client.request(T.assignmentRespond, { id: assignmentId, move: 'accept', input: {} }, me);
    expect(
      (
        await rejection(
          sys.client.request(A.submit, { id: assignmentId, input: { ...input, platform: 'youtube' } }, me),
        )
      ).errors,
    ).toEqual([expect.objectContaining({ path: 'input.platform' })]);
  });

  it('checks a version before anyone reviews it, and blocks approval while a check fails', async () => {
    const { assignmentId, me } = await accepted();
    const submission = await sys.client.request(A.submit, { id: assignmentId, input: firstVersion }, me);
    expect(submission).toMatchObject({
      status: 'in_review',
      currentStage: { key: 'agency_review', agencyId: 'mcst-ttcs', role: 'reviewer', index: 0 },
    });
    expect(submission.stages.map((s) => s.key)).toEqual(['agency_review', 'legal', 'partner_review:mofa']);
    const checks = Object.fromEntries(submission.versions[0].checks.map((c) => [c.check, c.passed]));
    expect(checks).toEqual({
      disclosure_label: false,
      required_hashtags: true,
      key_messages: false,
      platform_limits: true,
      media_checksums: true,
    });
    await reached(assignmentId, 'submitted', 'the assignment to follow');

    const blocked = await rejection(decide(staff.reviewer, 'approve', submission));
    expect(blocked).toMatchObject({
      code: 'submission.checks_failing',
      extensions: { checks: ['disclosure_label', 'key_messages'] },
    });
    // A legal officer may let a failing check pass, with a reason; nobody else may, and a passing check needs no override.
    const override = (input: RequestOf<typeof A.override>['input'], actor: Actor) =>
      sys.client.request(A.override, { id: submission.id, input }, actor);
    expect(
      (await rejection(override({ check: 'key_messages', reason: 'Said in the video' }, staff.reviewer))).code,
    ).toBe('auth.forbidden');
    expect((await rejection(override({ check: 'platform_limits', reason: 'n/a' }, staff.legal))).errors).toEqual([
      expect.objectContaining({ code: 'check_passes' }),
    ]);
    const overridden = await override(
      { check: 'key_messages', reason: 'The message is spoken in the video' },
      staff.legal,
    );
    expect(overridden.versions[0].overrides).toEqual([
      expect.objectContaining({ check: 'key_messages', by: 'legal@mcst' }),
    ]);
    expect(await rejection(decide(staff.reviewer, 'approve', submission))).toMatchObject({
      extensions: { checks: ['disclosure_label'] },
    });
    expect((await rejection(decide(staff.legal, 'approve', submission))).code).toBe('auth.forbidden');
    expect((await rejection(decide(staff.mofaReviewer, 'approve', submission))).code).toBe('auth.forbidden');
    expect((await rejection(sys.client.request(A.get, { id: submission.id }, staff.hcmc))).code).toBe('not_found');
  });

  it('asks the creator for changes; they see the comment meant for them, not the reviewers’ notes', async () => {
    const s = await submitted();
    const { assignmentId, me } = s;
    let submission = s.submission;
    await sys.client.request(
      A.comment,
      {
        id: submission.id,
        input: { body: 'Thêm nhãn hợp tác và thông điệp "hợp tác quốc tế"', range: { start: 0, end: 20 } },
      },
      staff.reviewer,
    );
    await sys.client.request(
      A.comment,
      { id: submission.id, input: { body: 'Internal: check the flag emoji renders', visibility: 'internal' } },
      staff.reviewer,
    );
    const notes = (await get(submission.id)).comments;
    const internal = notes.find((c) => c.visibility === 'internal')!;
    const toCreator = notes.find((c) => c.visibility === 'creator')!;
    // An answer to an internal note stays among reviewers; a creator cannot answer one at all.
    const leaked = await rejection(
      sys.client.request(
        A.comment,
        { id: submission.id, input: { body: 'Renders fine', parentId: internal.id } },
        staff.reviewer,
      ),
    );
    expect(leaked.errors).toEqual([
      expect.objectContaining({ path: 'input.visibility', code: 'reply_stays_internal' }),
    ]);
    const unseen = await rejection(
      sys.client.request(A.comment, { id: submission.id, input: { body: 'Ghi chú nào?', parentId: internal.id } }, me),
    );
    expect(unseen.errors).toEqual([expect.objectContaining({ path: 'input.parentId', code: 'unknown_comment' })]);
    await sys.client.request(
      A.comment,
      { id: submission.id, input: { body: 'Renders fine on iOS', parentId: internal.id, visibility: 'internal' } },
      staff.reviewer,
    );
    await sys.client.request(
      A.comment,
      { id: submission.id, input: { body: 'Đã thêm nhãn', parentId: toCreator.id } },
      me,
    );
    const noReason = await rejection(decide(staff.reviewer, 'request_changes', submission));
    expect(noReason.errors).toEqual([expect.objectContaining({ path: 'input.reason' })]);
    submission = await decide(
      staff.reviewer,
      'request_changes',
      submission,
      'Disclosure label and a key message are missing',
    );
    expect(submission).toMatchObject({ status: 'changes_requested', currentStage: null });
    const mine = await get(submission.id, me);
    expect(mine.comments.map((c) => [c.body, c.parentId])).toEqual([
      ['Thêm nhãn hợp tác và thông điệp "hợp tác quốc tế"', null],
      ['Đã thêm nhãn', toCreator.id],
    ]);
    expect(mine.comments[0].range).toEqual({ start: 0, end: 20 });
    expect((await get(submission.id)).comments).toHaveLength(4);
    await reached(assignmentId, 'accepted', 'the assignment back with the creator');

    submission = await sys.client.request(
      A.addVersion,
      {
        id: submission.id,
        input: {
          title: 'Lễ mở ký',
          text: `Việt Nam là nước chủ nhà lễ mở ký, vì hợp tác quốc tế 🇻🇳 #CongUocHaNoi ${LABEL}`,
          media: submission.versions[0].media,
        },
      },
      me,
    );
    expect(submission).toMatchObject({ status: 'in_review', currentStage: { index: 0 } });
    expect(submission.versions[1].checks.every((c) => c.passed)).toBe(true);
    const diff = await sys.client.request(A.diff, { id: submission.id, query: { from: 1, to: 2 } }, staff.reviewer);
    expect(
      diff.text
        .filter((p) => p.op === 'insert')
        .map((p) => p.text)
        .join(''),
    ).toContain('hợp tác quốc tế');
    // Versions are immutable, down to the database.
    await expect(
      sys.db.query(`UPDATE versions SET text = 'tampered' WHERE submission_id = $1`, [submission.id]),
    ).rejects.toThrow(/immutable/);
  });

  it('counts exactly one of two reviewers deciding the same stage at the same moment', async () => {
    let { submission } = await sentBackOnce();
    const outcomes = await Promise.allSettled([
      decide(staff.reviewer, 'approve', submission),
      decide(reviewer2, 'approve', submission),
    ]);
    const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0].reason as DomainError).code).toBe('submission.stage_changed');
    submission = await get(submission.id);
    expect(submission.currentStage).toMatchObject({ key: 'legal', index: 1 });
    expect(submission.decisions.filter((d) => d.version === 2 && d.stage === 'agency_review')).toHaveLength(1);
  });

  it('shows each reviewer what waits for them, and escalates a stage past its deadline to the agency’s admins', async () => {
    const { submission } = await approvedThrough(['agency_review']);
    const mine = [submission.id];
    expect((await queued(staff.legal, mine)).map((i) => i.id)).toEqual([submission.id]);
    expect(await queued(staff.reviewer, mine)).toEqual([]);
    expect(await queued(staff.admin, mine)).toEqual([]);

    await sys.db.query(`UPDATE submissions SET stage_due_at = now() - interval '1 hour' WHERE id = $1`, [
      submission.id,
    ]);
    await events.waitFor((es) =>
      es.some(
        (e) =>
          e.type === EVENTS.approvals.stageOverdue &&
          (e.data as { submissionId: string }).submissionId === submission.id,
      ),
    );
    expect(await queued(staff.admin, mine)).toEqual([
      expect.objectContaining({
        id: submission.id,
        currentStage: expect.objectContaining({ escalated: true, overdue: true }),
      }),
    ]);
    await new Promise((r) => setTimeout(r, 500));
    expect(
      events.events.filter(
        (e) =>
          e.type === EVENTS.approvals.stageOverdue &&
          (e.data as { submissionId: string }).submissionId === submission.id,
      ),
    ).toHaveLength(1);
  });

  it('passes legal and the Foreign Ministry’s reviewer to approved', async () => {
    const s = await approvedThrough(['agency_review']);
    const submission = await decide(staff.legal, 'approve', s.submission);
    expect(submission.currentStage).toMatchObject({ key: 'partner_review:mofa', agencyId: 'mofa', escalated: false });
    expect((await queued(staff.mofaReviewer, [submission.id])).map((i) => i.id)).toEqual([submission.id]);
    const approved = await decide(staff.mofaReviewer, 'approve', submission);
    expect(approved).toMatchObject({ status: 'approved', currentStage: null });
    expect(approved.decisions.map((d) => `${d.stage}:${d.decision}`)).toEqual([
      'agency_review:request_changes',
      'agency_review:approve',
      'legal:approve',
      'partner_review:mofa:approve',
    ]);
    await reached(s.assignmentId, 'approved', 'the assignment approved');
    expect(
      (
        await rejection(
          decide(staff.mofaReviewer, 'reject', { ...approved, currentStage: { index: 2 } } as SubmissionView, 'late'),
        )
      ).code,
    ).toBe('submission.status_transition_forbidden');
  });

  it('records the publication only on the creator’s registered channel, then sums reach against the targets', async () => {
    const {
      campaignId,
      creator,
      me,
      assignmentId,
      submission: approved,
    } = await approvedThrough(['agency_review', 'legal', 'partner_review:mofa']);
    const elsewhere = await rejection(
      sys.client.request(
        A.publish,
        {
          id: approved.id,
          input: { url: 'https://www.tiktok.com/@someone_else/video/1', publishedAt: new Date().toISOString() },
        },
        me,
      ),
    );
    expect(elsewhere).toMatchObject({
      code: 'publication.channel_mismatch',
      errors: [expect.objectContaining({ path: 'input.url', code: 'other_channel' })],
    });
    const wrongPlatform = await rejection(
      sys.client.request(
        A.publish,
        {
          id: approved.id,
          input: { url: `https://www.youtube.com/@${creator.handle}`, publishedAt: new Date().toISOString() },
        },
        me,
      ),
    );
    expect(wrongPlatform).toMatchObject({
      code: 'publication.channel_mismatch',
      errors: [expect.objectContaining({ code: 'wrong_platform' })],
    });

    const submission = await sys.client.request(
      A.publish,
      {
        id: approved.id,
        input: {
          url: `https://www.tiktok.com/@${creator.handle}/video/7300000000000000001`,
          publishedAt: daysFromNow(-3).toISOString(),
        },
      },
      me,
    );
    const publicationId = submission.publication!.id;
    await reached(assignmentId, 'published', 'the assignment published');
    await twoReadings(publicationId, me);
    const tomorrow = daysFromNow(1).toISOString();
    expect((await rejection(reportReach(publicationId, { at: tomorrow, views: 1 }, me))).errors).toEqual([
      expect.objectContaining({ path: 'input.at' }),
    ]);
    const byPartner = reportReach(publicationId, { at: new Date().toISOString(), views: 1 }, staff.mofaReviewer);
    expect((await rejection(byPartner)).code).toBe('auth.forbidden');

    const report = await sys.client.request(A.report, { id: campaignId }, staff.mofa);
    expect(report).toMatchObject({
      totals: { publications: 1, views: 450_000, likes: 30_000, comments: 900, shares: 4_000 },
      targets: { views: 1_000_000, publications: 2 },
      progress: { views: 0.45, publications: 0.5 },
      byPlatform: [{ platform: 'tiktok', views: 450_000 }],
      byCreator: [{ creatorId: creator.id, creatorName: 'Lan Anh Travel', views: 450_000 }],
    });
    // Views so far, day by day: the day without a reading carries the figure before it, and the last day is the total.
    expect(report.byDay.map((d) => [d.day, d.views])).toEqual([
      [isoDate(daysFromNow(-3)), 120_000],
      [isoDate(daysFromNow(-2)), 120_000],
      [isoDate(daysFromNow(-1)), 450_000],
    ]);
    expect((await rejection(sys.client.request(A.report, { id: campaignId }, staff.hcmc))).code).toBe('not_found');
    await reached(assignmentId, 'reported', 'the assignment reported');
  });

  it('refuses a falling counter with both readings, accepts it as an audited correction, and then the view and the report agree', async () => {
    const { campaignId, me, submission, publicationId } = await published();
    const now = new Date();
    const fallen = await rejection(
      reportReach(
        publicationId,
        { at: now.toISOString(), views: 1_000, likes: 30_000, comments: 900, shares: 4_000 },
        me,
      ),
    );
    expect(fallen).toMatchObject({
      code: 'metrics.counter_decreased',
      errors: [expect.objectContaining({ path: 'input.views', code: 'below_previous' })],
      extensions: {
        previous: expect.objectContaining({ views: 450_000 }),
        sent: expect.objectContaining({ views: 1_000 }),
      },
    });
    // Slipped in between two readings, above the later one: the later one would fall.
    const between = await rejection(
      reportReach(
        publicationId,
        { at: daysFromNow(-2).toISOString(), views: 500_000, likes: 10_000, comments: 300, shares: 1_200 },
        me,
      ),
    );
    expect(between).toMatchObject({
      code: 'metrics.counter_decreased',
      errors: [expect.objectContaining({ path: 'input.views', code: 'above_next' })],
      extensions: { next: expect.objectContaining({ views: 450_000 }) },
    });
    expect(
      (await sys.db.query('SELECT count(*)::int AS n FROM metrics WHERE publication_id = $1', [publicationId]))[0].n,
    ).toBe(2);

    const corrected = await reportReach(
      publicationId,
      {
        at: now.toISOString(),
        views: 1_000,
        likes: 30_000,
        comments: 900,
        shares: 4_000,
        correction: { reason: 'The platform removed bot views' },
      },
      me,
    );
    expect(corrected).toMatchObject({ views: 1_000, correction: { reason: 'The platform removed bot views' } });
    expect(
      (
        await sys.db.query('SELECT correction_reason FROM metrics WHERE publication_id = $1 AND at = $2', [
          publicationId,
          now,
        ])
      )[0].correction_reason,
    ).toBe('The platform removed bot views');
    const [audit] = await sys.db.query(
      `SELECT action, data FROM audit_entries WHERE action = 'metrics.corrected' AND subject = $1 ORDER BY pos`,
      [`submission:${submission.id}`],
    );
    expect(audit.data).toMatchObject({
      views: 1_000,
      correction: { reason: 'The platform removed bot views' },
      previous: expect.objectContaining({ views: 450_000 }),
    });

    // A reading earlier the same day, above the correction, taken as a correction too: the day counts its last reading, not its highest.
    await reportReach(
      publicationId,
      {
        at: new Date(now.getTime() - 1_000).toISOString(),
        views: 450_000,
        likes: 30_000,
        comments: 900,
        shares: 4_000,
        correction: { reason: 'Entered late' },
      },
      me,
    );
    const view = await sys.client.request(A.get, { id: submission.id }, staff.manager);
    const report = await sys.client.request(A.report, { id: campaignId }, staff.manager);
    expect(view.publication!.latestMetrics).toMatchObject({ views: 1_000 });
    expect(report.totals.views).toBe(1_000);
    expect(report.byDay.at(-1)).toMatchObject({ day: isoDate(now), views: 1_000 });
  });

  it('pages through a reviewer’s queue soonest due first, each submission once', async () => {
    const brief = await sys.client.request(
      T.briefCreate,
      {
        id: await jointCampaign(),
        input: {
          kind: 'post',
          title: 'A post a day',
          keyMessages: ['hợp tác quốc tế'],
          platforms: ['tiktok'],
          languages: ['vi'],
          dueAt: daysFromNow(12).toISOString(),
          quantity: 1,
          feePerDeliverable: 0,
        },
      },
      staff.manager,
    );
    const others = await Promise.all(
      ['Hùng Phượt Việt', 'Bếp Nhà Mai', 'Sử Việt Kể Chuyện'].map((n) => registerCreatorWithHandle(sys.client, n)),
    );
    for (const o of others)
      await publishAgreementEvent(sys.nc, sys.env, 'activated', {
        agreementId: newId(),
        counterpartyId: o.id,
        deliverables: [],
      });
    const ids = others.map((o) => o.id);
    const offered = await eventually(async () => {
      const f = await sys.client.request(T.fanOutStart, { id: brief.id, input: { creatorIds: ids } }, staff.manager);
      return f.offered === 3 ? f.results : null;
    }, 'the agreements to reach tasking');
    const submitted: string[] = [];
    for (const [i, o] of others.entries()) {
      const actor = creatorActor(o.id, o.handle);
      const assignment = offered.find((r) => r.creatorId === o.id)!.assignmentId!;
      await sys.client.request(T.assignmentRespond, { id: assignment, move: 'accept', input: {} }, actor);
      submitted.push(
        (
          await sys.client.request(
            A.submit,
            {
              id: assignment,
              input: {
                platform: 'tiktok',
                kind: 'post',
                plannedAt: daysFromNow(11 - i).toISOString(),
                text: `Bài ${i} ${LABEL}`,
              },
            },
            actor,
          )
        ).id,
      );
    }
    // Due times: make the last submitted the soonest due.
    await sys.db.query(
      `UPDATE submissions SET stage_due_at = now() + (interval '1 hour' * array_position($1::uuid[], id)) WHERE id = ANY($1)`,
      [[...submitted].reverse()],
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await sys.client.request(
        A.reviews,
        { query: { mine: true, limit: 1, ...(cursor ? { cursor } : {}) } },
        staff.reviewer,
      );
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && seen.length < 1_000);
    // The queue may hold other tests' submissions too: each is there once, and these three come in this order.
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => submitted.includes(id))).toEqual([...submitted].reverse());

    // The creator withdraws one: it leaves the queue, and the assignment is back with them.
    const first = others[2];
    const withdrawn = await sys.client.request(
      A.withdraw,
      { id: submitted[2], input: { reason: 'Re-shooting with better sound' } },
      creatorActor(first.id, first.handle),
    );
    expect(withdrawn).toMatchObject({ status: 'withdrawn', currentStage: null });
    expect(
      (
        await rejection(
          sys.client.request(A.withdraw, { id: submitted[1], input: {} }, creatorActor(first.id, first.handle)),
        )
      ).code,
    ).toBe('not_found');
    expect((await queued(staff.reviewer, submitted)).map((i) => i.id)).toEqual([submitted[1], submitted[0]]);
    const assignmentOfFirst = offered.find((r) => r.creatorId === first.id)!.assignmentId!;
    await eventually(
      async () =>
        (await sys.client.request(T.assignmentGet, { id: assignmentOfFirst }, staff.manager)).status === 'accepted',
      'the assignment back with the creator',
    );
  });

  it('lets the owning agency set the workflow; submissions made earlier keep theirs', async () => {
    const { campaignId, submission } = await submitted();
    const legalOnly: RequestOf<typeof A.workflowSet>['input'] = {
      stages: [{ key: 'legal', agency: 'owner', role: 'legal_officer', quorum: 2, deadlineHours: 24 }],
    };
    expect(
      (await rejection(sys.client.request(A.workflowSet, { id: campaignId, input: legalOnly }, staff.mofa))).code,
    ).toBe('auth.forbidden');
    // Leaving out the Foreign Ministry's review needs its consent to exactly these stages.
    await sys.client.request(A.workflowConsent, { id: campaignId, input: legalOnly }, staff.mofa);
    const set = await sys.client.request(A.workflowSet, { id: campaignId, input: legalOnly }, staff.manager);
    expect(set).toMatchObject({ isDefault: false, stages: [{ key: 'legal', quorum: 2 }] });
    expect((await get(submission.id)).stages.map((s) => s.key)).toEqual([
      'agency_review',
      'legal',
      'partner_review:mofa',
    ]);
  });

  it("keeps legal review and the partner's review in a joint campaign's workflow, and names only the campaign's agencies", async () => {
    const campaignId = await jointCampaign();
    const workflow = async () => (await sys.client.request(A.workflowGet, { id: campaignId }, staff.manager)).stages;
    const refused = async (stages: RequestOf<typeof A.workflowSet>['input']['stages']) => {
      const before = await workflow();
      const error = await rejection(
        sys.client.request(A.workflowSet, { id: campaignId, input: { stages } }, staff.manager),
      );
      expect(error.code).toBe('workflow.not_allowed');
      expect(await workflow()).toEqual(before);
      return (error.errors ?? []).map((e) => [e.path, e.code]);
    };
    const reviewer = { key: 'agency_review', agency: 'owner', role: 'reviewer' } as const;
    const legal = { key: 'legal', agency: 'owner', role: 'legal_officer' } as const;
    const partner = { key: 'partner_review', agency: 'partners', role: 'reviewer' } as const;
    expect(await refused([reviewer, partner])).toEqual([['input.stages', 'legal_required']]);
    expect(await refused([reviewer, legal, partner, { key: 'hcmc', agency: 'hcmc-info', role: 'reviewer' }])).toEqual([
      ['input.stages.3.agency', 'agency_not_on_campaign'],
    ]);

    // The partner's review is back; leaving it out again needs a new consent from the partner, for these stages.
    await sys.client.request(
      A.workflowSet,
      { id: campaignId, input: { stages: [reviewer, legal, partner] } },
      staff.manager,
    );
    expect(await refused([reviewer, legal])).toEqual([['input.stages', 'partner_consent_required']]);
    // Consent is the partner's: the owning agency cannot give it, nor can a partner's reviewer.
    for (const notTheirs of [staff.manager, staff.mofaReviewer]) {
      const consent = sys.client.request(
        A.workflowConsent,
        { id: campaignId, input: { stages: [reviewer, legal] } },
        notTheirs,
      );
      expect((await rejection(consent)).code).toBe('auth.forbidden');
    }
    // Consent to other stages does not cover these.
    await sys.client.request(A.workflowConsent, { id: campaignId, input: { stages: [legal] } }, staff.mofa);
    expect(await refused([reviewer, legal])).toEqual([['input.stages', 'partner_consent_required']]);
    await sys.client.request(A.workflowConsent, { id: campaignId, input: { stages: [reviewer, legal] } }, staff.mofa);
    const set = await sys.client.request(
      A.workflowSet,
      { id: campaignId, input: { stages: [reviewer, legal] } },
      staff.manager,
    );
    expect(set.stages.map((s) => s.key)).toEqual(['agency_review', 'legal']);
  });
});
