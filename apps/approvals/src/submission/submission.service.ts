import type { DataSource, EntityManager } from 'typeorm';
import {
  applyDecision,
  assertCountersGrow,
  assertWorkflowAllowed,
  blockingChecks,
  checkPublicationUrl,
  DEFAULT_WORKFLOW,
  diffWords,
  DomainError,
  EVENTS,
  isCreatorActor,
  mayDecide,
  newId,
  NotFoundError,
  resolveStages,
  runChecks,
  submissionMachine,
  type Actor,
  type ApprovalCommands,
  type Envelope,
  type SubmissionMove,
  type SubmissionView,
  type VersionInput,
} from '@concord/domain';
import { abilityFor, subject, type Action } from '@concord/permissions';
import { appendAudit, type AuditRecord } from '@concord/audit';
import { recordEvent } from '@concord/messaging';
import type { UnitOfWork } from '@concord/service-kit';
import type { z } from 'zod';
import type { Peers } from './peers';
import type { PublicationRepository, ReadingRow } from './publication.repository';
import type { Submission, SubmissionRepository } from './submission.repository';
import type { VersionRepository } from './version.repository';
import type { WorkflowRepository } from './workflow.repository';

type Cmd<K extends keyof typeof ApprovalCommands> = Envelope<z.infer<(typeof ApprovalCommands)[K]>>;

/** The events a submission's moves announce: each carries SubmissionEventData. */
type SubmissionEventSubject =
  | typeof EVENTS.approvals.submissionSubmitted
  | typeof EVENTS.approvals.submissionChangesRequested
  | typeof EVENTS.approvals.submissionApproved
  | typeof EVENTS.approvals.submissionRejected
  | typeof EVENTS.approvals.submissionWithdrawn;

const EVENT_OF: Partial<Record<SubmissionMove | 'submit', SubmissionEventSubject>> = {
  submit: EVENTS.approvals.submissionSubmitted,
  resubmit: EVENTS.approvals.submissionSubmitted,
  request_changes: EVENTS.approvals.submissionChangesRequested,
  approve: EVENTS.approvals.submissionApproved,
  reject: EVENTS.approvals.submissionRejected,
  withdraw: EVENTS.approvals.submissionWithdrawn,
};

/** The agencies whose trails show what happens to a submission: the campaign's and its partners'. */
const concernsOf = (r: Submission) => [r.ownerAgencyId, ...r.partnerAgencyIds];
const fields = (r: Submission) => ({
  ownerAgencyId: r.ownerAgencyId,
  partnerAgencyIds: r.partnerAgencyIds,
  creatorId: r.creatorId,
  managementCompanyId: r.managementCompanyId,
});

/** Adds `entry` to the audit trail, by `actor`, on the submission `row` (its campaign's agencies see it too). */
function auditSubmission(
  m: EntityManager,
  actor: Actor,
  row: Submission,
  entry: Omit<AuditRecord, 'actor' | 'subject' | 'concerns'>,
) {
  return appendAudit(m, { actor, concerns: concernsOf(row), subject: `submission:${row.id}`, ...entry });
}

/** Refuses (403, `why`) unless `actor` may do `action` to the campaign (a workflow's). */
function assertMayOnCampaign(
  actor: Actor,
  action: Action,
  campaign: { ownerAgencyId: string; partnerAgencyIds: string[] },
  why: string,
): void {
  const { ownerAgencyId, partnerAgencyIds } = campaign;
  if (!abilityFor(actor).can(action, subject('Campaign', { ownerAgencyId, partnerAgencyIds })))
    throw new DomainError('auth.forbidden', why);
}

/** Refuses (403, `why`) unless `actor` may do `action` to the submission `row`. */
function assertMay(actor: Actor, action: Action, row: Submission, why: string): void {
  if (!abilityFor(actor).can(action, subject('Submission', fields(row)))) throw new DomainError('auth.forbidden', why);
}

/**
 * Content review. Every method checks the caller first (what they may not
 * see is not found), then rule (packages/domain) → rows + audit + outbox
 * event in one transaction, once per Idempotency-Key.
 */
export class SubmissionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly submissions: SubmissionRepository,
    private readonly versions: VersionRepository,
    private readonly workflows: WorkflowRepository,
    private readonly publications: PublicationRepository,
    private readonly peers: Peers,
    private readonly work: UnitOfWork,
  ) {}

  // ---- workflows ----

  async getWorkflow(cmd: Cmd<'workflowGet'>) {
    await this.peers.campaign(cmd.actor, cmd.data.id);
    const row = await this.workflows.of(cmd.data.id);
    return {
      campaignId: cmd.data.id,
      stages: row?.stages ?? DEFAULT_WORKFLOW,
      isDefault: !row,
      updatedBy: row?.updatedBy ?? null,
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  }

  /** The owning agency's managers set a campaign's workflow; submissions already made keep the one they started with. */
  async setWorkflow(cmd: Cmd<'workflowSet'>) {
    const { actor, data } = cmd;
    const campaign = await this.peers.campaign(actor, data.id);
    assertMayOnCampaign(
      actor,
      'update',
      campaign,
      "Only the owning agency's campaign managers set a campaign's review workflow",
    );
    const keys = data.input.stages.map((s) => s.key);
    if (new Set(keys).size !== keys.length) {
      throw new DomainError('validation.failed', 'Stage keys must differ', [
        { path: 'input.stages', code: 'duplicate_key', message: 'Give each stage its own key' },
      ]);
    }
    const result = await this.work.command(cmd, async (m) => {
      // Legal review stays, partners' reviews stay unless they consented to exactly these stages, only the campaign's agencies are named.
      const row = await this.workflows.lockStagesOf(m, data.id);
      const consents = await this.workflows.consentsTo(m, data.id, data.input.stages);
      assertWorkflowAllowed(
        data.input.stages,
        row?.stages ?? DEFAULT_WORKFLOW,
        campaign,
        consents.map((c) => c.agencyId),
      );
      await this.workflows.set(m, data.id, data.input.stages, actor.userId);
      await appendAudit(m, {
        actor,
        action: 'workflow.set',
        subject: `campaign:${data.id}`,
        data: { stages: data.input.stages },
      });
      return {
        campaignId: data.id,
        stages: data.input.stages,
        isDefault: false,
        updatedBy: actor.userId,
        updatedAt: new Date().toISOString(),
      };
    });
    return result;
  }

  /**
   * A partner agency of a joint campaign agrees to a workflow that leaves out
   * (some of) its review: its liaison officers or admins consent to exactly
   * these stages, and the owning agency may then set them. Audited.
   */
  async consentToWorkflow(cmd: Cmd<'workflowConsent'>) {
    const { actor, data } = cmd;
    const campaign = await this.peers.campaign(actor, data.id);
    assertMayOnCampaign(
      actor,
      'consent',
      campaign,
      "Only a partner agency's liaison officers or admins consent to a joint campaign's workflow",
    );
    const result = await this.work.command(cmd, async (m) => {
      const row = await this.workflows.recordConsent(m, {
        campaignId: data.id,
        agencyId: actor.orgId,
        stages: data.input.stages,
        givenBy: actor.userId,
      });
      await appendAudit(m, {
        actor,
        action: 'workflow.consented',
        subject: `campaign:${data.id}`,
        data: { agencyId: actor.orgId, stages: data.input.stages },
      });
      return {
        campaignId: data.id,
        agencyId: actor.orgId,
        stages: data.input.stages,
        givenBy: actor.userId,
        givenAt: row.givenAt.toISOString(),
      };
    });
    return result;
  }

  // ---- submissions ----

  /** A creator submits content for an assignment they accepted; it is checked and enters the first review stage. */
  async submit(cmd: Cmd<'submit'>): Promise<SubmissionView> {
    const { actor, data } = cmd;
    const assignment = await this.peers.assignment(actor, data.id);
    const target = subject('Submission', {
      ownerAgencyId: assignment.ownerAgencyId,
      partnerAgencyIds: assignment.partnerAgencyIds,
      creatorId: assignment.creatorId,
      managementCompanyId: assignment.managementCompanyId,
    });
    if (!abilityFor(actor).can('submit', target))
      throw new DomainError(
        'auth.forbidden',
        'Only the creator of an assignment (or their management company) submits its content',
      );
    if (assignment.status !== 'accepted') {
      throw new DomainError(
        'submission.assignment_not_accepted',
        `The assignment is ${assignment.status}; content is submitted for an accepted assignment`,
        [],
        { status: assignment.status },
      );
    }
    if (!assignment.brief.platforms.includes(data.input.platform)) {
      throw new DomainError('validation.failed', `The brief is for ${assignment.brief.platforms.join(', ')}`, [
        { path: 'input.platform', code: 'not_in_brief', message: `One of ${assignment.brief.platforms.join(', ')}` },
      ]);
    }
    const view = await this.work.command(cmd, async (m) => {
      const live = await this.submissions.liveFor(m, assignment.id);
      if (live.length) {
        throw new DomainError(
          'submission.status_transition_forbidden',
          'This assignment has a submission in review already: add a version to it',
          [],
          { submissionId: live[0].id },
        );
      }
      const workflow = await this.workflows.stagesOf(m, assignment.campaignId);
      const stages = resolveStages(
        workflow?.stages ?? DEFAULT_WORKFLOW,
        assignment.ownerAgencyId,
        assignment.partnerAgencyIds,
      );
      const id = newId();
      const context = {
        disclosureLabel: assignment.disclosureLabel,
        requiredHashtags: assignment.campaign.requiredHashtags,
        keyMessages: [
          ...assignment.campaign.keyMessages,
          ...assignment.brief.keyMessages.filter((k) => !assignment.campaign.keyMessages.includes(k)),
        ],
      };
      const now = new Date();
      await this.submissions.insert(m, {
        id,
        assignmentId: assignment.id,
        campaignId: assignment.campaignId,
        ownerAgencyId: assignment.ownerAgencyId,
        partnerAgencyIds: assignment.partnerAgencyIds,
        creatorId: assignment.creatorId,
        managementCompanyId: assignment.managementCompanyId,
        creatorName: assignment.creatorName,
        platform: data.input.platform,
        kind: data.input.kind,
        plannedAt: data.input.plannedAt,
        stages,
        checkContext: context,
        submittedBy: actor.userId,
        createdAt: now,
      });
      const row = await this.find(m, actor, id, true);
      await this.addVersionRow(m, row, actor, data.input);
      await this.enterStage(m, row, 0, now);
      this.note(row, actor, 'submitted version 1');
      await this.submissions.save(m, row);
      await auditSubmission(m, actor, row, {
        action: 'submission.submitted',
        data: { assignmentId: assignment.id, version: 1, stages: stages.map((s) => s.key) },
      });
      await this.emit(m, 'submit', row, actor, cmd.correlationId, null);
      return this.view(m, actor, id);
    });
    return view;
  }

  /** A new version, after changes were asked for: checked, and the review starts again from the first stage. */
  async addVersion(cmd: Cmd<'addVersion'>): Promise<SubmissionView> {
    const { actor, data } = cmd;
    return this.work.command(cmd, async (m) => {
      const row = await this.lockFor(
        m,
        actor,
        data.id,
        'submit',
        'Only the creator (or their management company) adds versions',
      );
      submissionMachine.move(row.status, 'resubmit');
      row.status = 'in_review';
      const number = await this.addVersionRow(m, row, actor, data.input);
      await this.enterStage(m, row, 0, new Date());
      this.note(row, actor, `submitted version ${number}`);
      await this.submissions.save(m, row);
      await auditSubmission(m, actor, row, {
        action: 'submission.resubmitted',
        data: { version: number },
      });
      await this.emit(m, 'resubmit', row, actor, cmd.correlationId, null);
      return this.view(m, actor, row.id);
    });
  }

  async get(cmd: Cmd<'get'>): Promise<SubmissionView> {
    const row = await this.find(this.dataSource.manager, cmd.actor, cmd.data.id);
    return this.view(this.dataSource.manager, cmd.actor, row.id);
  }

  async diff(cmd: Cmd<'diff'>) {
    await this.find(this.dataSource.manager, cmd.actor, cmd.data.id);
    const { from, to } = cmd.data.query;
    const rows = await this.versions.texts(cmd.data.id, [from, to]);
    const a = rows.find((r) => r.number === from);
    const b = rows.find((r) => r.number === to);
    if (!a || !b)
      throw new DomainError('validation.failed', 'No such version', [
        { path: a ? 'to' : 'from', code: 'unknown_version', message: 'Name versions of this submission' },
      ]);
    return { from, to, title: diffWords(a.title ?? '', b.title ?? ''), text: diffWords(a.text, b.text) };
  }

  /** Reviewers of the stage's agency and role decide; a decision names the stage and version it was made on. */
  async decide(cmd: Cmd<'decide'>): Promise<SubmissionView> {
    const { actor, data } = cmd;
    const input = data.input;
    return this.work.command(cmd, async (m) => {
      const row = await this.find(m, actor, data.id, true);
      const stage = row.stages[row.stageIndex];
      if (row.status !== 'in_review')
        submissionMachine.move(row.status, input.decision === 'approve' ? 'approve' : input.decision);
      if (input.stage !== row.stageIndex || input.version !== row.currentVersion) {
        throw new DomainError(
          'submission.stage_changed',
          `The review moved on: it is now at stage ${row.stageIndex + 1} (${stage?.key}) on version ${row.currentVersion}`,
          [],
          {
            stage: row.stageIndex,
            version: row.currentVersion,
          },
        );
      }
      if (!mayDecide(stage, actor, row.submittedBy)) {
        throw new DomainError(
          'auth.forbidden',
          `Stage ${stage.key} is decided by ${stage.role.replace(/_/g, ' ')}s of ${stage.agencyId}`,
          [],
          { stage: stage.key },
        );
      }
      if (input.decision !== 'approve' && !input.reason) {
        throw new DomainError('validation.failed', 'Say why', [
          {
            path: 'input.reason',
            code: 'required',
            message: 'Asking for changes or rejecting needs a reason the creator can act on',
          },
        ]);
      }
      if (input.decision === 'approve') {
        const blocking = await this.blocking(m, row);
        if (blocking.length) {
          throw new DomainError(
            'submission.checks_failing',
            `Checks fail: ${blocking.map((b) => b.detail).join('; ')}. A legal officer may override them with a reason.`,
            [],
            { checks: blocking.map((b) => b.check) },
          );
        }
      }
      const { move, state } = applyDecision(
        { stages: row.stages, stageIndex: row.stageIndex, approvals: row.stageApprovals },
        input.decision,
        actor.userId,
      );
      await this.submissions.insertDecision(m, {
        id: newId(),
        submissionId: row.id,
        version: row.currentVersion,
        stage: stage.key,
        decision: input.decision,
        reason: input.reason ?? null,
        byUser: actor.userId,
        agencyId: actor.orgId,
      });
      row.stageApprovals = state.approvals;
      if (move) {
        row.status = submissionMachine.move(row.status, move);
        if (move === 'approve_stage') await this.enterStage(m, row, state.stageIndex, new Date());
        else this.leaveStages(row);
      }
      this.note(row, actor, `${input.decision.replace('_', ' ')} at ${stage.key}`);
      await this.submissions.save(m, row);
      await auditSubmission(m, actor, row, {
        action: `submission.${input.decision}`,
        reason: input.reason ?? null,
        data: { stage: stage.key, version: row.currentVersion, status: row.status },
      });
      if (move && EVENT_OF[move])
        await this.emit(m, move, row, actor, cmd.correlationId, input.reason ?? null, stage.key);
      return this.view(m, actor, row.id);
    });
  }

  async comment(cmd: Cmd<'comment'>): Promise<SubmissionView> {
    const { actor, data } = cmd;
    const input = data.input;
    return this.work.command(cmd, async (m) => {
      const row = await this.find(m, actor, data.id);
      const version = input.version ?? row.currentVersion;
      if (version < 1 || version > row.currentVersion) {
        throw new DomainError('validation.failed', 'No such version', [
          { path: 'input.version', code: 'unknown_version', message: `1 to ${row.currentVersion}` },
        ]);
      }
      if (isCreatorActor(actor) && input.visibility === 'internal') {
        throw new DomainError('validation.failed', 'Creators write to reviewers', [
          { path: 'input.visibility', code: 'creator_comment', message: 'Leave visibility as creator' },
        ]);
      }
      if (input.range && input.range.end < input.range.start) {
        throw new DomainError('validation.failed', 'The range ends before it starts', [
          { path: 'input.range.end', code: 'before_start', message: 'End at or after the start' },
        ]);
      }
      if (input.parentId) {
        const parent = await this.submissions.commentVisibility(m, row.id, input.parentId);
        // A creator cannot see, so cannot answer, the reviewers' internal comments.
        if (!parent || (isCreatorActor(actor) && parent.visibility === 'internal')) {
          throw new DomainError('validation.failed', 'No such comment to answer', [
            { path: 'input.parentId', code: 'unknown_comment', message: 'Answer a comment of this submission' },
          ]);
        }
        // An answer to an internal comment stays among reviewers: the creator would read it without what it answers.
        if (parent.visibility === 'internal' && input.visibility !== 'internal') {
          throw new DomainError('validation.failed', 'An answer to an internal comment is internal', [
            {
              path: 'input.visibility',
              code: 'reply_stays_internal',
              message: 'Answer an internal comment internally',
            },
          ]);
        }
      }
      await this.submissions.insertComment(m, {
        id: newId(),
        submissionId: row.id,
        version,
        parentId: input.parentId ?? null,
        rangeStart: input.range?.start ?? null,
        rangeEnd: input.range?.end ?? null,
        body: input.body,
        visibility: input.visibility,
        byUser: actor.userId,
        agencyId: actor.orgId,
      });
      await auditSubmission(m, actor, row, {
        action: 'submission.commented',
        data: { version, visibility: input.visibility },
      });
      return this.view(m, actor, row.id);
    });
  }

  /** A legal officer of the owning agency lets a failing check pass, with a reason, for the current version. */
  async override(cmd: Cmd<'override'>): Promise<SubmissionView> {
    const { actor, data } = cmd;
    return this.work.command(cmd, async (m) => {
      const row = await this.lockFor(
        m,
        actor,
        data.id,
        'override',
        'Only legal officers of the owning agency override checks',
      );
      const version = await this.versions.checksOf(m, row.id, row.currentVersion);
      const result = version!.checks.find((c) => c.check === data.input.check);
      if (!result || result.passed) {
        throw new DomainError(
          'validation.failed',
          `The ${data.input.check} check passes on version ${row.currentVersion}`,
          [{ path: 'input.check', code: 'check_passes', message: 'Override only a failing check' }],
        );
      }
      await this.versions.overrideCheck(m, {
        submissionId: row.id,
        version: row.currentVersion,
        check: data.input.check,
        reason: data.input.reason,
        byUser: actor.userId,
      });
      this.note(row, actor, `overrode the ${data.input.check} check`);
      await this.submissions.save(m, row);
      await auditSubmission(m, actor, row, {
        action: 'submission.check_overridden',
        reason: data.input.reason,
        data: { check: data.input.check, version: row.currentVersion },
      });
      return this.view(m, actor, row.id);
    });
  }

  async withdraw(cmd: Cmd<'withdraw'>): Promise<SubmissionView> {
    const { actor, data } = cmd;
    return this.work.command(cmd, async (m) => {
      const row = await this.lockFor(m, actor, data.id, 'submit', 'Only the creator withdraws their submission');
      row.status = submissionMachine.move(row.status, 'withdraw');
      this.leaveStages(row);
      this.note(row, actor, 'withdrew the submission');
      await this.submissions.save(m, row);
      await auditSubmission(m, actor, row, {
        action: 'submission.withdrawn',
        reason: data.input.reason ?? null,
      });
      await this.emit(m, 'withdraw', row, actor, cmd.correlationId, data.input.reason ?? null);
      return this.view(m, actor, row.id);
    });
  }

  // ---- publication and reach ----

  /** After approval: where and when it went out. The address must be on the platform and a channel the creator registered. */
  async publish(cmd: Cmd<'publish'>): Promise<SubmissionView> {
    const { actor, data } = cmd;
    const pre = await this.find(this.dataSource.manager, actor, data.id);
    assertMay(actor, 'publish', pre, 'The creator or the owning agency’s campaign managers record a publication');
    const verdict = checkPublicationUrl(data.input.url, pre.platform, await this.peers.channelsOf(pre.creatorId));
    if (!verdict.ok) {
      throw new DomainError('publication.channel_mismatch', verdict.message, [
        { path: 'input.url', code: verdict.reason, message: verdict.message },
      ]);
    }
    return this.work.command(cmd, async (m) => {
      const row = await this.find(m, actor, data.id, true);
      if (row.status !== 'approved') {
        throw new DomainError(
          'submission.status_transition_forbidden',
          `The submission is ${row.status}; only approved content is published`,
          [],
          { status: row.status },
        );
      }
      const existing = await this.publications.recordedFor(m, row.id);
      if (existing.length)
        throw new DomainError('submission.status_transition_forbidden', 'Its publication is recorded already', [], {
          publicationId: existing[0].id,
        });
      const id = newId();
      await this.publications.insert(m, {
        id,
        submissionId: row.id,
        campaignId: row.campaignId,
        creatorId: row.creatorId,
        platform: row.platform,
        url: data.input.url,
        publishedAt: data.input.publishedAt,
        recordedBy: actor.userId,
      });
      this.note(row, actor, `published at ${data.input.url}`);
      await this.submissions.save(m, row);
      await auditSubmission(m, actor, row, {
        action: 'publication.recorded',
        data: { publicationId: id, url: data.input.url, publishedAt: data.input.publishedAt },
      });
      await recordEvent(
        m,
        EVENTS.approvals.publicationRecorded,
        actor,
        {
          publicationId: id,
          submissionId: row.id,
          assignmentId: row.assignmentId,
          campaignId: row.campaignId,
          creatorId: row.creatorId,
          url: data.input.url,
          publishedAt: data.input.publishedAt,
        },
        cmd.correlationId,
      );
      return this.view(m, actor, row.id);
    });
  }

  /**
   * Reach at a moment (cumulative counters, as platforms show them). Counters
   * only grow: figures below the reading before (or above the one after) are
   * refused unless sent as a correction with its reason, kept with the
   * figures and in the audit trail.
   */
  async reportMetrics(cmd: Cmd<'metrics'>) {
    const { actor, data } = cmd;
    return this.work.command(cmd, async (m) => {
      // Locked: two readings of one publication are compared one after the other.
      const publication = await this.publications.lockForReading(m, data.id);
      if (!publication) throw new NotFoundError('publication', data.id);
      const row = await this.find(m, actor, publication.submissionId).catch(() => null);
      if (!row) throw new NotFoundError('publication', data.id);
      assertMay(actor, 'publish', row, 'The creator or the owning agency’s campaign managers report reach');
      const { correction, ...input } = data.input;
      if (new Date(input.at).getTime() > Date.now() + 5 * 60_000) {
        throw new DomainError('validation.failed', 'Reach is reported for a moment that has passed', [
          { path: 'input.at', code: 'in_future', message: 'Give the time the figures were read' },
        ]);
      }
      const reading = (r: ReadingRow | undefined) =>
        r && {
          at: r.at.toISOString(),
          views: Number(r.views),
          likes: Number(r.likes),
          comments: Number(r.comments),
          shares: Number(r.shares),
        };
      const previous = await this.publications.readingAtOrBefore(m, publication.id, input.at);
      const next = await this.publications.readingAfter(m, publication.id, input.at);
      const sent = { ...input, at: new Date(input.at).toISOString() };
      assertCountersGrow(sent, { previous: reading(previous), next: reading(next) }, correction);
      await this.publications.recordReading(m, {
        publicationId: publication.id,
        at: input.at,
        views: input.views,
        likes: input.likes,
        comments: input.comments,
        shares: input.shares,
        reportedBy: actor.userId,
        correctionReason: correction?.reason ?? null,
      });
      await auditSubmission(m, actor, row, {
        action: correction ? 'metrics.corrected' : 'metrics.reported',
        data: {
          publicationId: publication.id,
          ...input,
          ...(correction ? { correction, previous: reading(previous) ?? null, next: reading(next) ?? null } : {}),
        },
      });
      await recordEvent(
        m,
        EVENTS.approvals.metricsReported,
        actor,
        {
          publicationId: publication.id,
          submissionId: row.id,
          assignmentId: row.assignmentId,
          campaignId: row.campaignId,
          at: input.at,
          views: input.views,
        },
        cmd.correlationId,
      );
      return { publicationId: publication.id, ...input, ...(correction ? { correction } : {}) };
    });
  }

  // ---- deadlines ----

  /** Overdue stages are escalated once: an event, and they rise in the agency admins' queue. Returns how many. */
  async escalateOverdue(now = new Date()): Promise<number> {
    const n = await this.work.job(async (m) => {
      const due = await this.submissions.lockOverdue(m, now);
      for (const row of due) {
        const stage = row.stages[row.stageIndex];
        const system: Actor = { userId: 'system:deadlines', orgId: stage.agencyId, roles: [] };
        await this.submissions.markEscalated(m, row.id, now);
        await auditSubmission(m, system, row, {
          action: 'review.stage_overdue',
          data: { stage: stage.key, dueAt: row.stageDueAt!.toISOString() },
        });
        await recordEvent(m, EVENTS.approvals.stageOverdue, system, {
          submissionId: row.id,
          assignmentId: row.assignmentId,
          campaignId: row.campaignId,
          stage: stage.key,
          agencyId: stage.agencyId,
          role: stage.role,
          dueAt: row.stageDueAt!.toISOString(),
        });
      }
      return due.length;
    });
    return n;
  }

  // ---- helpers ----

  private async addVersionRow(m: EntityManager, row: Submission, actor: Actor, input: VersionInput): Promise<number> {
    const number = row.currentVersion + 1;
    const checks = runChecks(
      { platform: row.platform, title: input.title ?? null, text: input.text, media: input.media },
      row.checkContext,
    );
    await this.versions.insert(m, { submissionId: row.id, number, input, checks, submittedBy: actor.userId });
    row.currentVersion = number;
    return number;
  }

  private async enterStage(m: EntityManager, row: Submission, index: number, at: Date): Promise<void> {
    const stage = row.stages[index];
    row.stageIndex = index;
    row.stageApprovals = [];
    row.escalatedAt = null;
    row.stageDueAt = new Date(at.getTime() + stage.deadlineHours * 3600_000);
    await this.submissions.setStageReviewers(m, row.id, stage);
  }

  private leaveStages(row: Submission): void {
    row.stageDueAt = null;
    row.escalatedAt = null;
    row.stageApprovals = [];
  }

  private note(row: Submission, actor: Actor, what: string): void {
    row.timeline = [...row.timeline, { at: new Date().toISOString(), what, by: actor.userId }];
  }

  private async blocking(m: EntityManager, row: Submission) {
    const version = await this.versions.checksOf(m, row.id, row.currentVersion);
    const overridden = await this.versions.overriddenChecks(m, row.id, row.currentVersion);
    return blockingChecks(
      version!.checks,
      overridden.map((o) => o.check),
    );
  }

  private async emit(
    m: EntityManager,
    move: SubmissionMove | 'submit',
    row: Submission,
    actor: Actor,
    correlationId: string | undefined,
    note: string | null,
    stage?: string,
  ) {
    const subjectName = EVENT_OF[move];
    if (!subjectName) return;
    await recordEvent(
      m,
      subjectName,
      actor,
      {
        submissionId: row.id,
        assignmentId: row.assignmentId,
        campaignId: row.campaignId,
        creatorId: row.creatorId,
        status: row.status,
        version: row.currentVersion,
        stage: stage ?? null,
        note,
      },
      correlationId,
    );
  }

  private async find(m: EntityManager, actor: Actor, id: string, lock = false): Promise<Submission> {
    const row = lock ? await this.submissions.lockForChange(m, id) : await this.submissions.byId(m, id);
    if (!row || !abilityFor(actor).can('read', subject('Submission', fields(row))))
      throw new NotFoundError('submission', id);
    return row;
  }

  /** Locks a submission the caller may see, then refuses (403, `why`) unless they may do `action` to it. */
  private async lockFor(m: EntityManager, actor: Actor, id: string, action: Action, why: string): Promise<Submission> {
    const row = await this.find(m, actor, id, true);
    assertMay(actor, action, row, why);
    return row;
  }

  /** The whole submission as the caller may see it: creators see comments addressed to them, not reviewers' internal notes. */
  async view(m: EntityManager, actor: Actor, id: string): Promise<SubmissionView> {
    const row = (await this.submissions.byId(m, id))!;
    const audience = isCreatorActor(actor) ? 'creator' : 'reviewers';
    // In a transaction `m` is one connection, which runs one query at a time (pg refuses overlapping ones): ask in turn.
    const versions = await this.versions.ofSubmission(m, id);
    const overrides = await this.versions.overridesOf(m, id);
    const comments = await this.submissions.commentsOf(m, id, audience);
    const decisions = await this.submissions.decisionsOf(m, id);
    const p = await this.publications.withLatestReadingOf(m, id);
    const stage = row.stages[row.stageIndex];
    return {
      id: row.id,
      assignmentId: row.assignmentId,
      campaignId: row.campaignId,
      ownerAgencyId: row.ownerAgencyId,
      partnerAgencyIds: row.partnerAgencyIds,
      creatorId: row.creatorId,
      creatorName: row.creatorName,
      platform: row.platform,
      kind: row.kind,
      plannedAt: row.plannedAt.toISOString(),
      status: row.status,
      stages: row.stages,
      currentStage:
        row.status === 'in_review' && stage && row.stageDueAt
          ? {
              ...stage,
              index: row.stageIndex,
              dueAt: row.stageDueAt.toISOString(),
              overdue: row.stageDueAt.getTime() < Date.now(),
              escalated: row.escalatedAt !== null,
              approvals: row.stageApprovals,
            }
          : null,
      versions: versions.map((v) => ({
        number: v.number,
        title: v.title,
        text: v.text,
        media: v.media,
        checks: v.checks,
        overrides: overrides
          .filter((o) => o.version === v.number)
          .map((o) => ({
            check: o.check,
            reason: o.reason,
            by: o.byUser,
            at: o.at.toISOString(),
          })),
        submittedBy: v.submittedBy,
        submittedAt: v.submittedAt.toISOString(),
      })),
      comments: comments.map((c) => ({
        id: c.id,
        version: c.version,
        parentId: c.parentId,
        range: c.rangeStart === null ? null : { start: c.rangeStart, end: c.rangeEnd! },
        body: c.body,
        visibility: c.visibility,
        by: c.byUser,
        agencyId: c.agencyId,
        at: c.at.toISOString(),
      })),
      decisions: decisions.map((d) => ({
        version: d.version,
        stage: d.stage,
        decision: d.decision,
        reason: d.reason,
        by: d.byUser,
        agencyId: d.agencyId,
        at: d.at.toISOString(),
      })),
      publication: p
        ? {
            id: p.id,
            submissionId: p.submissionId,
            platform: p.platform as SubmissionView['platform'],
            url: p.url,
            publishedAt: p.publishedAt.toISOString(),
            recordedBy: p.recordedBy,
            latestMetrics: p.metricsAt
              ? {
                  at: p.metricsAt.toISOString(),
                  views: Number(p.views),
                  likes: Number(p.likes),
                  comments: Number(p.comments),
                  shares: Number(p.shares),
                }
              : null,
          }
        : null,
      timeline: row.timeline,
      version: row.version,
      submittedBy: row.submittedBy,
      createdAt: row.createdAt.toISOString(),
    };
  }
}
