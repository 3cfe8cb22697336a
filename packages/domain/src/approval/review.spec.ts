import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { CREATORS_ORG, type Actor, type Role } from '../actor';
import { DomainError } from '../errors';
import { caught } from '../errors.test-helpers';
import {
  applyDecision,
  DEFAULT_WORKFLOW,
  mayDecide,
  resolveStages,
  type ReviewerRole,
  type ReviewStage,
  type StageState,
  type StageTemplate,
} from './review-workflow';
import {
  submissionMachine,
  type ReviewDecision,
  type SubmissionMove,
  type SubmissionStatusName,
} from './submission-status.machine';

const MOVES = Object.keys(submissionMachine.table) as SubmissionMove[];

describe('resolveStages', () => {
  const OWNER = 'mcst-ttcs';

  it.each([
    { partners: [] as string[], keys: ['agency_review', 'legal'], agencies: [OWNER, OWNER] },
    { partners: ['vtv'], keys: ['agency_review', 'legal', 'partner_review:vtv'], agencies: [OWNER, OWNER, 'vtv'] },
    {
      partners: ['vtv', 'ttxvn'],
      keys: ['agency_review', 'legal', 'partner_review:vtv', 'partner_review:ttxvn'],
      agencies: [OWNER, OWNER, 'vtv', 'ttxvn'],
    },
  ])('the default workflow with partners $partners: $keys', ({ partners, keys, agencies }) => {
    const stages = resolveStages(DEFAULT_WORKFLOW, OWNER, partners);
    expect(stages.map((s) => s.key)).toEqual(keys);
    expect(stages.map((s) => s.agencyId)).toEqual(agencies);
  });

  it('gives each stage of the default workflow its role, quorum and deadline', () => {
    expect(resolveStages(DEFAULT_WORKFLOW, OWNER, ['vtv'])).toEqual([
      { key: 'agency_review', agencyId: OWNER, role: 'reviewer', quorum: 1, deadlineHours: 48 },
      { key: 'legal', agencyId: OWNER, role: 'legal_officer', quorum: 1, deadlineHours: 48 },
      { key: 'partner_review:vtv', agencyId: 'vtv', role: 'reviewer', quorum: 1, deadlineHours: 72 },
    ]);
  });

  it('resolves a named agency to itself and the owner to the campaign’s agency, in the template’s order', () => {
    const template: StageTemplate[] = [
      { key: 'security', agency: 'bo-cong-an', role: 'reviewer', quorum: 2, deadlineHours: 24 },
      { key: 'lead', agency: 'owner', role: 'campaign_manager', quorum: 1, deadlineHours: 12 },
      { key: 'partner_review', agency: 'partners', role: 'reviewer', quorum: 3, deadlineHours: 72 },
    ];
    expect(resolveStages(template, OWNER, ['vtv'])).toEqual([
      { key: 'security', agencyId: 'bo-cong-an', role: 'reviewer', quorum: 2, deadlineHours: 24 },
      { key: 'lead', agencyId: OWNER, role: 'campaign_manager', quorum: 1, deadlineHours: 12 },
      { key: 'partner_review:vtv', agencyId: 'vtv', role: 'reviewer', quorum: 3, deadlineHours: 72 },
    ]);
  });
});

const stage = (key: string, quorum: number, agencyId = 'mcst-ttcs', role: ReviewerRole = 'reviewer'): ReviewStage => ({
  key,
  agencyId,
  role,
  quorum,
  deadlineHours: 48,
});
const at = (stages: ReviewStage[], stageIndex = 0, approvals: string[] = []): StageState => ({
  stages,
  stageIndex,
  approvals,
});

describe('applyDecision', () => {
  it('with quorum 1, one approval moves to the next stage, and the last stage’s approval approves', () => {
    const stages = [stage('agency_review', 1), stage('legal', 1, 'mcst-ttcs', 'legal_officer')];
    const first = applyDecision(at(stages), 'approve', 'lan');
    expect(first).toEqual({ move: 'approve_stage', state: at(stages, 1, []) });
    const second = applyDecision(first.state, 'approve', 'minh');
    expect(second.move).toBe('approve');
  });

  it('with quorum 2, waits for a second, different person before the stage moves', () => {
    const stages = [stage('agency_review', 2), stage('legal', 1)];
    const start = at(stages);
    const one = applyDecision(start, 'approve', 'lan');
    expect(one).toEqual({ move: null, state: at(stages, 0, ['lan']) });
    expect(start.approvals).toEqual([]);

    const again = caught(() => applyDecision(one.state, 'approve', 'lan'));
    expect(again.code).toBe('submission.already_decided');
    expect(again.extensions.stage).toBe('agency_review');

    expect(applyDecision(one.state, 'approve', 'minh')).toEqual({ move: 'approve_stage', state: at(stages, 1, []) });
  });

  it('with quorum 2 on the last stage, approves only on the second person', () => {
    const stages = [stage('legal', 2, 'mcst-ttcs', 'legal_officer')];
    const one = applyDecision(at(stages), 'approve', 'lan');
    expect(one.move).toBeNull();
    expect(applyDecision(one.state, 'approve', 'minh').move).toBe('approve');
  });

  it('refuses the same person approving twice with quorum 1 too (a stale second click)', () => {
    const stages = [stage('agency_review', 1)];
    expect(caught(() => applyDecision(at(stages, 0, ['lan']), 'approve', 'lan')).code).toBe(
      'submission.already_decided',
    );
  });

  it('sends the review back to the first stage with no approvals when changes are asked for', () => {
    const stages = [stage('agency_review', 1), stage('legal', 2), stage('partner_review:vtv', 1, 'vtv')];
    expect(applyDecision(at(stages, 1, ['lan']), 'request_changes', 'minh')).toEqual({
      move: 'request_changes',
      state: at(stages, 0, []),
    });
  });

  it('rejects on a rejection, whoever approved before', () => {
    const stages = [stage('agency_review', 2)];
    expect(applyDecision(at(stages, 0, ['lan']), 'reject', 'lan').move).toBe('reject');
  });
});

describe('mayDecide', () => {
  const legal = stage('legal', 1, 'mcst-ttcs', 'legal_officer');
  const SUBMITTER = 'creator-1';
  it.each([
    {
      name: 'a legal officer of the agency',
      actor: { userId: 'lan', orgId: 'mcst-ttcs', roles: ['legal_officer'] as Role[] },
      may: true,
    },
    {
      name: 'a legal officer who is also a reviewer',
      actor: { userId: 'lan', orgId: 'mcst-ttcs', roles: ['reviewer', 'legal_officer'] as Role[] },
      may: true,
    },
    {
      name: 'a reviewer of the agency',
      actor: { userId: 'lan', orgId: 'mcst-ttcs', roles: ['reviewer'] as Role[] },
      may: false,
    },
    {
      name: 'a campaign manager of the agency',
      actor: { userId: 'lan', orgId: 'mcst-ttcs', roles: ['campaign_manager'] as Role[] },
      may: false,
    },
    {
      name: 'a legal officer of another agency',
      actor: { userId: 'lan', orgId: 'vtv', roles: ['legal_officer'] as Role[] },
      may: false,
    },
    {
      name: 'the submitter, even holding the role there',
      actor: { userId: SUBMITTER, orgId: 'mcst-ttcs', roles: ['legal_officer'] as Role[] },
      may: false,
    },
    {
      name: 'a creator',
      actor: { userId: 'creator-2', orgId: CREATORS_ORG, roles: ['creator'] as Role[] },
      may: false,
    },
  ])('$name: $may', ({ actor, may }) => {
    expect(mayDecide(legal, actor, SUBMITTER)).toBe(may);
  });

  it('lets nobody decide when there is no stage', () => {
    expect(mayDecide(undefined, { userId: 'lan', orgId: 'mcst-ttcs', roles: ['legal_officer'] }, 'creator-1')).toBe(
      false,
    );
  });
});

// ---- simulated reviews, as the approvals service runs them ----

const AGENCIES = ['mcst-ttcs', 'vtv', 'ttxvn'];
const STAGE_ROLES: ReviewerRole[] = ['reviewer', 'legal_officer'];
const CREATOR: Actor = { userId: 'creator-1', orgId: CREATORS_ORG, roles: ['creator'] };
/** Per agency: three reviewers, three legal officers and one person holding both roles. */
const STAFF: Actor[] = AGENCIES.flatMap((orgId) => [
  ...STAGE_ROLES.flatMap((role) => [0, 1, 2].map((k) => ({ userId: `${orgId}:${role}:${k}`, orgId, roles: [role] }))),
  { userId: `${orgId}:both`, orgId, roles: [...STAGE_ROLES] },
]);
const PEOPLE: Actor[] = [...STAFF, CREATOR];

const arbStages = fc
  .array(
    fc.record({
      agencyId: fc.constantFrom(...AGENCIES),
      role: fc.constantFrom(...STAGE_ROLES),
      quorum: fc.integer({ min: 1, max: 3 }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((ss) => ss.map((s, i): ReviewStage => ({ ...s, key: `stage_${i}`, deadlineHours: 48 })));
const arbDecision = fc.oneof(
  { arbitrary: fc.constant<ReviewDecision>('approve'), weight: 10 },
  { arbitrary: fc.constant<ReviewDecision>('request_changes'), weight: 1 },
  { arbitrary: fc.constant<ReviewDecision>('reject'), weight: 1 },
);
type Event = { kind: 'decide'; decision: ReviewDecision; eligible: boolean; pick: number } | { kind: 'withdraw' };
const arbEvent: fc.Arbitrary<Event> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('decide' as const),
      decision: arbDecision,
      eligible: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
      pick: fc.nat(),
    }),
    weight: 30,
  },
  { arbitrary: fc.constant({ kind: 'withdraw' as const }), weight: 1 },
);
const arbSubmitter = fc.constantFrom(CREATOR.userId, 'mcst-ttcs:reviewer:0', 'vtv:both');

interface Counted {
  stageIndex: number;
  by: string;
}
interface Step {
  event: Event | { kind: 'resubmit' };
  before: SubmissionStatusName;
  after: SubmissionStatusName;
  error: DomainError | null;
  /** An approval that applyDecision accepted: at which stage, by whom. */
  counted: Counted | null;
  /** The review's state after the step. */
  stageIndex: number;
  approvals: string[];
}

/** Runs the events through the machine and applyDecision as SubmissionService.decide/addVersion/withdraw do; the creator resubmits whenever changes are asked for. */
function simulate(stages: ReviewStage[], submitter: string, events: Event[]): Step[] {
  // changed inside the closures below, so not narrowed to its first value
  let status = 'in_review' as SubmissionStatusName;
  let state: StageState = { stages, stageIndex: 0, approvals: [] };
  const steps: Step[] = [];
  const attempt = (event: Step['event'], run: () => Counted | null) => {
    const before = status;
    let error: DomainError | null = null;
    let counted: Counted | null = null;
    try {
      counted = run();
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      error = e;
    }
    steps.push({
      event,
      before,
      after: status,
      error,
      counted,
      stageIndex: state.stageIndex,
      approvals: [...state.approvals],
    });
  };
  for (const event of events) {
    if (status === 'changes_requested') {
      attempt({ kind: 'resubmit' }, () => {
        status = submissionMachine.move(status, 'resubmit');
        state = { stages, stageIndex: 0, approvals: [] };
        return null;
      });
    }
    if (event.kind === 'withdraw') {
      attempt(event, () => {
        status = submissionMachine.move(status, 'withdraw');
        return null;
      });
      continue;
    }
    attempt(event, () => {
      if (status !== 'in_review')
        submissionMachine.move(status, event.decision === 'approve' ? 'approve' : event.decision);
      const current = state.stages[state.stageIndex];
      const eligible = STAFF.filter((p) => mayDecide(current, p, submitter));
      const pool = event.eligible && eligible.length ? eligible : PEOPLE;
      const by = pool[event.pick % pool.length];
      if (!mayDecide(current, by, submitter)) throw new DomainError('auth.forbidden', 'not this stage’s reviewer');
      const stageIndex = state.stageIndex;
      const { move, state: next } = applyDecision(state, event.decision, by.userId);
      const nextStatus = move ? submissionMachine.move(status, move) : status;
      state = next;
      status = nextStatus;
      return event.decision === 'approve' ? { stageIndex, by: by.userId } : null;
    });
  }
  return steps;
}

const personOf = (userId: string) => PEOPLE.find((p) => p.userId === userId)!;

/** Checks `check` against 300 simulated reviews: random stages, submitter and up to 60 events. */
const forSimulatedReviews = (check: (steps: Step[], stages: ReviewStage[], submitter: string) => void) =>
  fc.assert(
    fc.property(arbStages, arbSubmitter, fc.array(arbEvent, { maxLength: 60 }), (stages, submitter, events) =>
      check(simulate(stages, submitter, events), stages, submitter),
    ),
    { numRuns: 300 },
  );

describe('simulated reviews (property)', () => {
  it('approves only when, since the last resubmission, every stage in order collected its quorum of distinct eligible approvers', () => {
    let approvedRuns = 0;
    forSimulatedReviews((steps, stages, submitter) => {
      let since: Counted[] = [];
      for (const step of steps) {
        if (step.event.kind === 'resubmit' && !step.error) since = [];
        if (step.counted) since.push(step.counted);
        if (step.after !== 'approved' || step.before === 'approved') continue;
        approvedRuns++;

        // the approvals counted since the last new version, stage by stage, in order
        expect(since.map((c) => c.stageIndex)).toEqual([...since.map((c) => c.stageIndex)].sort((x, y) => x - y));
        stages.forEach((s, i) => {
          const approvers = since.filter((c) => c.stageIndex === i).map((c) => c.by);
          expect(new Set(approvers).size).toBe(approvers.length);
          expect(approvers.length).toBe(s.quorum);
          for (const by of approvers) {
            const person = personOf(by);
            expect(person.orgId).toBe(s.agencyId);
            expect(person.roles).toContain(s.role);
            expect(by).not.toBe(submitter);
          }
        });
      }
    });
    expect(approvedRuns).toBeGreaterThan(0);
  });

  it('a rejected (or withdrawn, or approved) submission stays so: every later move is refused', () => {
    let rejectedRuns = 0;
    forSimulatedReviews((steps) => {
      const finalAt = steps.findIndex((s) => ['rejected', 'withdrawn', 'approved'].includes(s.after));
      if (finalAt < 0) return;
      const final = steps[finalAt].after;
      if (final === 'rejected' && finalAt < steps.length - 1) rejectedRuns++;
      for (const later of steps.slice(finalAt + 1)) {
        expect(later.after).toBe(final);
        expect(later.error?.code).toBe('submission.status_transition_forbidden');
        expect(later.counted).toBeNull();
      }
      for (const move of MOVES)
        expect(caught(() => submissionMachine.move(final, move)).code).toBe('submission.status_transition_forbidden');
    });
    expect(rejectedRuns).toBeGreaterThan(0);
  });

  it('never counts one person’s approval twice in a stage: a second one is refused as already decided', () => {
    let refusedTwice = 0;
    forSimulatedReviews((steps, stages) => {
      let since: Counted[] = [];
      for (const step of steps) {
        if (step.event.kind === 'resubmit' && !step.error) since = [];
        if (step.counted) {
          const { stageIndex, by } = step.counted;
          expect(since.filter((c) => c.stageIndex === stageIndex && c.by === by)).toEqual([]);
          since.push(step.counted);
        }
        expect(new Set(step.approvals).size).toBe(step.approvals.length);
        if (step.after === 'in_review') expect(step.approvals.length).toBeLessThan(stages[step.stageIndex].quorum);
        if (step.error?.code === 'submission.already_decided') {
          refusedTwice++;
          expect(step.counted).toBeNull();
          expect(step.after).toBe(step.before);
        }
      }
    });
    expect(refusedTwice).toBeGreaterThan(0);
  });

  it('approves after exactly the sum of the quorums when each stage gets its quorum of distinct eligible approvers, and not one approval earlier', () => {
    fc.assert(
      fc.property(
        arbStages,
        arbSubmitter,
        fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
        (stages, submitter, picks) => {
          let state: StageState = { stages, stageIndex: 0, approvals: [] };
          let status: SubmissionStatusName = 'in_review';
          const total = stages.reduce((n, s) => n + s.quorum, 0);
          for (let n = 1; n <= total; n++) {
            expect(status).toBe('in_review');
            const current = state.stages[state.stageIndex];
            const eligible = STAFF.filter(
              (p) => mayDecide(current, p, submitter) && !state.approvals.includes(p.userId),
            );
            const by = eligible[picks[n - 1] % eligible.length];
            const { move, state: next } = applyDecision(state, 'approve', by.userId);
            if (move) status = submissionMachine.move(status, move);
            state = next;
          }
          expect(status).toBe('approved');
        },
      ),
    );
  });
});
