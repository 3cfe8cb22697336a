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
  type CheckName,
  type CheckResult,
  type Envelope,
  type ReviewStage,
  type StageTemplate,
  type SubmissionMove,
  type SubmissionStatusName,
  type SubmissionView,
  type VersionInput,
} from '@concord/domain';
import { abilityFor, subject } from '@concord/permissions';
import { appendAudit } from '@concord/audit';
import { recordEvent, transactOnce } from '@concord/messaging';
import type { z } from 'zod';
import type { Peers } from './peers';

type Cmd<K extends keyof typeof ApprovalCommands> = Envelope<z.infer<(typeof ApprovalCommands)[K]>>;

export interface SubmissionRow {
  id: string;
  assignment_id: string;
  campaign_id: string;
  owner_agency_id: string;
  partner_agency_ids: string[];
  creator_id: string;
  management_company_id: string | null;
  creator_name: string;
  platform: string;
  kind: string;
  planned_at: Date;
  status: SubmissionStatusName;
  stages: ReviewStage[];
  stage_index: number;
  stage_due_at: Date | null;
  stage_approvals: string[];
  escalated_at: Date | null;
  check_context: { disclosureLabel: string | null; requiredHashtags: string[]; keyMessages: string[] };
  current_version: number;
  timeline: { at: string; what: string; by: string }[];
  version: number;
  submitted_by: string;
  created_at: Date;
}

const EVENT_OF: Partial<Record<SubmissionMove | 'submit', string>> = {
  submit: EVENTS.approvals.submissionSubmitted,
  resubmit: EVENTS.approvals.submissionSubmitted,
  request_changes: EVENTS.approvals.submissionChangesRequested,
  approve: EVENTS.approvals.submissionApproved,
  reject: EVENTS.approvals.submissionRejected,
  withdraw: EVENTS.approvals.submissionWithdrawn,
};

/** The agencies whose trails show what happens to a submission: the campaign's and its partners'. */
const concernsOf = (r: SubmissionRow) => [r.owner_agency_id, ...r.partner_agency_ids];
const fields = (r: SubmissionRow) => ({
  ownerAgencyId: r.owner_agency_id,
  partnerAgencyIds: r.partner_agency_ids,
  creatorId: r.creator_id,
  managementCompanyId: r.management_company_id,
});

/**
 * Content review. Every method checks the caller first (what they may not
 * see is not found), then rule (packages/domain) → rows + audit + outbox
 * event in one transaction, once per Idempotency-Key.
 */
export class SubmissionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly peers: Peers,
    private readonly onCommitted: () => void,
  ) {}

  // ---- workflows ----

  async getWorkflow(cmd: Cmd<'workflowGet'>) {
    await this.peers.campaign(cmd.actor, cmd.data.id);
    const [row] = await this.dataSource.query(
      'SELECT stages, updated_by, updated_at FROM workflows WHERE campaign_id = $1',
      [cmd.data.id],
    );
    return {
      campaignId: cmd.data.id,
      stages: (row?.stages ?? DEFAULT_WORKFLOW) as StageTemplate[],
      isDefault: !row,
      updatedBy: row?.updated_by ?? null,
      updatedAt: row?.updated_at?.toISOString() ?? null,
    };
  }

  /** The owning agency's managers set a campaign's workflow; submissions already made keep the one they started with. */
  async setWorkflow(cmd: Cmd<'workflowSet'>) {
    const { actor, data } = cmd;
    const campaign = await this.peers.campaign(actor, data.id);
    if (
      !abilityFor(actor).can(
        'update',
        subject('Campaign', { ownerAgencyId: campaign.ownerAgencyId, partnerAgencyIds: campaign.partnerAgencyIds }),
      )
    ) {
      throw new DomainError(
        'auth.forbidden',
        "Only the owning agency's campaign managers set a campaign's review workflow",
      );
    }
    const keys = data.input.stages.map((s) => s.key);
    if (new Set(keys).size !== keys.length) {
      throw new DomainError('validation.failed', 'Stage keys must differ', [
        { path: 'input.stages', code: 'duplicate_key', message: 'Give each stage its own key' },
      ]);
    }
    const result = await transactOnce(this.dataSource, cmd, async (m) => {
      // Legal review stays, partners' reviews stay unless they consented to exactly these stages, only the campaign's agencies are named.
      const [row] = await m.query('SELECT stages FROM workflows WHERE campaign_id = $1 FOR UPDATE', [data.id]);
      const consents: { agency_id: string }[] = await m.query(
        'SELECT agency_id FROM workflow_consents WHERE campaign_id = $1 AND stages = $2::jsonb',
        [data.id, JSON.stringify(data.input.stages)],
      );
      assertWorkflowAllowed(
        data.input.stages,
        (row?.stages ?? DEFAULT_WORKFLOW) as StageTemplate[],
        campaign,
        consents.map((c) => c.agency_id),
      );
      await m.query(
        `INSERT INTO workflows (campaign_id, stages, updated_by, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (campaign_id) DO UPDATE SET stages = EXCLUDED.stages, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [data.id, JSON.stringify(data.input.stages), actor.userId],
      );
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
    if (
      !abilityFor(actor).can(
        'consent',
        subject('Campaign', { ownerAgencyId: campaign.ownerAgencyId, partnerAgencyIds: campaign.partnerAgencyIds }),
      )
    ) {
      throw new DomainError(
        'auth.forbidden',
        "Only a partner agency's liaison officers or admins consent to a joint campaign's workflow",
      );
    }
    const result = await transactOnce(this.dataSource, cmd, async (m) => {
      const [row] = await m.query(
        `INSERT INTO workflow_consents (campaign_id, agency_id, stages, given_by, given_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (campaign_id, agency_id) DO UPDATE SET stages = EXCLUDED.stages, given_by = EXCLUDED.given_by, given_at = EXCLUDED.given_at
         RETURNING given_at`,
        [data.id, actor.orgId, JSON.stringify(data.input.stages), actor.userId],
      );
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
        givenAt: (row.given_at as Date).toISOString(),
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
    const view = await transactOnce(this.dataSource, cmd, async (m) => {
      const live = await m.query(
        `SELECT id FROM submissions WHERE assignment_id = $1 AND status NOT IN ('rejected', 'withdrawn')`,
        [assignment.id],
      );
      if (live.length) {
        throw new DomainError(
          'submission.status_transition_forbidden',
          'This assignment has a submission in review already: add a version to it',
          [],
          { submissionId: live[0].id },
        );
      }
      const [workflow] = await m.query('SELECT stages FROM workflows WHERE campaign_id = $1', [assignment.campaignId]);
      const stages = resolveStages(
        (workflow?.stages ?? DEFAULT_WORKFLOW) as StageTemplate[],
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
      await m.query(
        `INSERT INTO submissions (id, assignment_id, campaign_id, owner_agency_id, partner_agency_ids, creator_id, management_company_id, creator_name, platform, kind,
                                  planned_at, status, stages, stage_index, check_context, current_version, timeline, version, submitted_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'in_review', $12, 0, $13, 0, '[]', 1, $14, $15)`,
        [
          id,
          assignment.id,
          assignment.campaignId,
          assignment.ownerAgencyId,
          assignment.partnerAgencyIds,
          assignment.creatorId,
          assignment.managementCompanyId,
          assignment.creatorName,
          data.input.platform,
          data.input.kind,
          data.input.plannedAt,
          JSON.stringify(stages),
          JSON.stringify(context),
          actor.userId,
          now,
        ],
      );
      const row = await this.find(m, actor, id, true);
      await this.addVersionRow(m, row, actor, data.input);
      await this.enterStage(m, row, 0, now);
      this.note(row, actor, 'submitted version 1');
      await this.save(m, row);
      await appendAudit(m, {
        actor,
        concerns: concernsOf(row),
        action: 'submission.submitted',
        subject: `submission:${id}`,
        data: { assignmentId: assignment.id, version: 1, stages: stages.map((s) => s.key) },
      });
      await this.emit(m, 'submit', row, actor, cmd.correlationId, null);
      return this.view(m, actor, id);
    });
    this.onCommitted();
    return view;
  }

  /** A new version, after changes were asked for: checked, and the review starts again from the first stage. */
  async addVersion(cmd: Cmd<'addVersion'>): Promise<SubmissionView> {
    const { actor, data } = cmd;
    return this.write(cmd, async (m) => {
      const row = await this.find(m, actor, data.id, true);
      if (!abilityFor(actor).can('submit', subject('Submission', fields(row))))
        throw new DomainError('auth.forbidden', 'Only the creator (or their management company) adds versions');
      submissionMachine.move(row.status, 'resubmit');
      row.status = 'in_review';
      const number = await this.addVersionRow(m, row, actor, data.input);
      await this.enterStage(m, row, 0, new Date());
      this.note(row, actor, `submitted version ${number}`);
      await this.save(m, row);
      await appendAudit(m, {
        actor,
        concerns: concernsOf(row),
        action: 'submission.resubmitted',
        subject: `submission:${row.id}`,
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
    const rows: { number: number; title: string | null; text: string }[] = await this.dataSource.query(
      'SELECT number, title, text FROM versions WHERE submission_id = $1 AND number = ANY($2)',
      [cmd.data.id, [from, to]],
    );
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
    return this.write(cmd, async (m) => {
      const row = await this.find(m, actor, data.id, true);
      const stage = row.stages[row.stage_index];
      if (row.status !== 'in_review')
        submissionMachine.move(row.status, input.decision === 'approve' ? 'approve' : input.decision);
      if (input.stage !== row.stage_index || input.version !== row.current_version) {
        throw new DomainError(
          'submission.stage_changed',
          `The review moved on: it is now at stage ${row.stage_index + 1} (${stage?.key}) on version ${row.current_version}`,
          [],
          {
            stage: row.stage_index,
            version: row.current_version,
          },
        );
      }
      if (!mayDecide(stage, actor, row.submitted_by)) {
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
        { stages: row.stages, stageIndex: row.stage_index, approvals: row.stage_approvals },
        input.decision,
        actor.userId,
      );
      await m.query(
        `INSERT INTO decisions (id, submission_id, version, stage, decision, reason, by_user, agency_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          newId(),
          row.id,
          row.current_version,
          stage.key,
          input.decision,
          input.reason ?? null,
          actor.userId,
          actor.orgId,
        ],
      );
      row.stage_approvals = state.approvals;
      if (move) {
        row.status = submissionMachine.move(row.status, move);
        if (move === 'approve_stage') await this.enterStage(m, row, state.stageIndex, new Date());
        else this.leaveStages(row);
      }
      this.note(row, actor, `${input.decision.replace('_', ' ')} at ${stage.key}`);
      await this.save(m, row);
      await appendAudit(m, {
        actor,
        concerns: concernsOf(row),
        action: `submission.${input.decision}`,
        subject: `submission:${row.id}`,
        reason: input.reason ?? null,
        data: { stage: stage.key, version: row.current_version, status: row.status },
      });
      if (move && EVENT_OF[move])
        await this.emit(m, move, row, actor, cmd.correlationId, input.reason ?? null, stage.key);
      return this.view(m, actor, row.id);
    });
  }

  async comment(cmd: Cmd<'comment'>): Promise<SubmissionView> {
    const { actor, data } = cmd;
    const input = data.input;
    return this.write(cmd, async (m) => {
      const row = await this.find(m, actor, data.id);
      const version = input.version ?? row.current_version;
      if (version < 1 || version > row.current_version) {
        throw new DomainError('validation.failed', 'No such version', [
          { path: 'input.version', code: 'unknown_version', message: `1 to ${row.current_version}` },
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
        const [parent] = await m.query('SELECT visibility FROM comments WHERE id = $1 AND submission_id = $2', [
          input.parentId,
          row.id,
        ]);
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
      await m.query(
        `INSERT INTO comments (id, submission_id, version, parent_id, range_start, range_end, body, visibility, by_user, agency_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          newId(),
          row.id,
          version,
          input.parentId ?? null,
          input.range?.start ?? null,
          input.range?.end ?? null,
          input.body,
          input.visibility,
          actor.userId,
          actor.orgId,
        ],
      );
      await appendAudit(m, {
        actor,
        concerns: concernsOf(row),
        action: 'submission.commented',
        subject: `submission:${row.id}`,
        data: { version, visibility: input.visibility },
      });
      return this.view(m, actor, row.id);
    });
  }

  /** A legal officer of the owning agency lets a failing check pass, with a reason, for the current version. */
  async override(cmd: Cmd<'override'>): Promise<SubmissionView> {
    const { actor, data } = cmd;
    return this.write(cmd, async (m) => {
      const row = await this.find(m, actor, data.id, true);
      if (!abilityFor(actor).can('override', subject('Submission', fields(row))))
        throw new DomainError('auth.forbidden', 'Only legal officers of the owning agency override checks');
      const [version] = await m.query('SELECT checks FROM versions WHERE submission_id = $1 AND number = $2', [
        row.id,
        row.current_version,
      ]);
      const result = (version.checks as CheckResult[]).find((c) => c.check === data.input.check);
      if (!result || result.passed) {
        throw new DomainError(
          'validation.failed',
          `The ${data.input.check} check passes on version ${row.current_version}`,
          [{ path: 'input.check', code: 'check_passes', message: 'Override only a failing check' }],
        );
      }
      await m.query(
        `INSERT INTO check_overrides (submission_id, version, "check", reason, by_user) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (submission_id, version, "check") DO UPDATE SET reason = EXCLUDED.reason, by_user = EXCLUDED.by_user, at = now()`,
        [row.id, row.current_version, data.input.check, data.input.reason, actor.userId],
      );
      this.note(row, actor, `overrode the ${data.input.check} check`);
      await this.save(m, row);
      await appendAudit(m, {
        actor,
        concerns: concernsOf(row),
        action: 'submission.check_overridden',
        subject: `submission:${row.id}`,
        reason: data.input.reason,
        data: { check: data.input.check, version: row.current_version },
      });
      return this.view(m, actor, row.id);
    });
  }

  async withdraw(cmd: Cmd<'withdraw'>): Promise<SubmissionView> {
    const { actor, data } = cmd;
    return this.write(cmd, async (m) => {
      const row = await this.find(m, actor, data.id, true);
      if (!abilityFor(actor).can('submit', subject('Submission', fields(row))))
        throw new DomainError('auth.forbidden', 'Only the creator withdraws their submission');
      row.status = submissionMachine.move(row.status, 'withdraw');
      this.leaveStages(row);
      this.note(row, actor, 'withdrew the submission');
      await this.save(m, row);
      await appendAudit(m, {
        actor,
        concerns: concernsOf(row),
        action: 'submission.withdrawn',
        subject: `submission:${row.id}`,
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
    if (!abilityFor(actor).can('publish', subject('Submission', fields(pre))))
      throw new DomainError(
        'auth.forbidden',
        'The creator or the owning agency’s campaign managers record a publication',
      );
    const verdict = checkPublicationUrl(data.input.url, pre.platform, await this.peers.channelsOf(pre.creator_id));
    if (!verdict.ok) {
      throw new DomainError('publication.channel_mismatch', verdict.message, [
        { path: 'input.url', code: verdict.reason, message: verdict.message },
      ]);
    }
    return this.write(cmd, async (m) => {
      const row = await this.find(m, actor, data.id, true);
      if (row.status !== 'approved') {
        throw new DomainError(
          'submission.status_transition_forbidden',
          `The submission is ${row.status}; only approved content is published`,
          [],
          { status: row.status },
        );
      }
      const existing = await m.query('SELECT id FROM publications WHERE submission_id = $1', [row.id]);
      if (existing.length)
        throw new DomainError('submission.status_transition_forbidden', 'Its publication is recorded already', [], {
          publicationId: existing[0].id,
        });
      const id = newId();
      await m.query(
        `INSERT INTO publications (id, submission_id, campaign_id, creator_id, platform, url, published_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          row.id,
          row.campaign_id,
          row.creator_id,
          row.platform,
          data.input.url,
          data.input.publishedAt,
          actor.userId,
        ],
      );
      this.note(row, actor, `published at ${data.input.url}`);
      await this.save(m, row);
      await appendAudit(m, {
        actor,
        concerns: concernsOf(row),
        action: 'publication.recorded',
        subject: `submission:${row.id}`,
        data: { publicationId: id, url: data.input.url, publishedAt: data.input.publishedAt },
      });
      await recordEvent(
        m,
        EVENTS.approvals.publicationRecorded,
        actor,
        {
          publicationId: id,
          submissionId: row.id,
          assignmentId: row.assignment_id,
          campaignId: row.campaign_id,
          creatorId: row.creator_id,
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
    return this.write(cmd, async (m) => {
      // Locked: two readings of one publication are compared one after the other.
      const [publication] = await m.query('SELECT id, submission_id FROM publications WHERE id = $1 FOR UPDATE', [
        data.id,
      ]);
      if (!publication) throw new NotFoundError('publication', data.id);
      const row = await this.find(m, actor, publication.submission_id).catch(() => null);
      if (!row) throw new NotFoundError('publication', data.id);
      if (!abilityFor(actor).can('publish', subject('Submission', fields(row))))
        throw new DomainError('auth.forbidden', 'The creator or the owning agency’s campaign managers report reach');
      const { correction, ...input } = data.input;
      if (new Date(input.at).getTime() > Date.now() + 5 * 60_000) {
        throw new DomainError('validation.failed', 'Reach is reported for a moment that has passed', [
          { path: 'input.at', code: 'in_future', message: 'Give the time the figures were read' },
        ]);
      }
      const reading = (r: { at: Date; views: string; likes: string; comments: string; shares: string } | undefined) =>
        r && {
          at: r.at.toISOString(),
          views: Number(r.views),
          likes: Number(r.likes),
          comments: Number(r.comments),
          shares: Number(r.shares),
        };
      const [previous] = await m.query(
        'SELECT at, views, likes, comments, shares FROM metrics WHERE publication_id = $1 AND at <= $2 ORDER BY at DESC LIMIT 1',
        [publication.id, input.at],
      );
      const [next] = await m.query(
        'SELECT at, views, likes, comments, shares FROM metrics WHERE publication_id = $1 AND at > $2 ORDER BY at LIMIT 1',
        [publication.id, input.at],
      );
      const sent = { ...input, at: new Date(input.at).toISOString() };
      assertCountersGrow(sent, { previous: reading(previous), next: reading(next) }, correction);
      await m.query(
        `INSERT INTO metrics (publication_id, at, views, likes, comments, shares, reported_by, correction_reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (publication_id, at) DO UPDATE SET views = EXCLUDED.views, likes = EXCLUDED.likes, comments = EXCLUDED.comments, shares = EXCLUDED.shares,
           reported_by = EXCLUDED.reported_by, correction_reason = EXCLUDED.correction_reason`,
        [
          publication.id,
          input.at,
          input.views,
          input.likes,
          input.comments,
          input.shares,
          actor.userId,
          correction?.reason ?? null,
        ],
      );
      await appendAudit(m, {
        actor,
        concerns: concernsOf(row),
        action: correction ? 'metrics.corrected' : 'metrics.reported',
        subject: `submission:${row.id}`,
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
          assignmentId: row.assignment_id,
          campaignId: row.campaign_id,
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
    const n = await this.dataSource.transaction(async (m) => {
      const due: SubmissionRow[] = await m.query(
        `SELECT * FROM submissions WHERE status = 'in_review' AND escalated_at IS NULL AND stage_due_at < $1 ORDER BY stage_due_at LIMIT 500 FOR UPDATE SKIP LOCKED`,
        [now],
      );
      for (const row of due) {
        const stage = row.stages[row.stage_index];
        const system: Actor = { userId: 'system:deadlines', orgId: stage.agencyId, roles: [] };
        await m.query('UPDATE submissions SET escalated_at = $2 WHERE id = $1', [row.id, now]);
        await appendAudit(m, {
          actor: system,
          concerns: concernsOf(row),
          action: 'review.stage_overdue',
          subject: `submission:${row.id}`,
          data: { stage: stage.key, dueAt: row.stage_due_at!.toISOString() },
        });
        await recordEvent(m, EVENTS.approvals.stageOverdue, system, {
          submissionId: row.id,
          assignmentId: row.assignment_id,
          campaignId: row.campaign_id,
          stage: stage.key,
          agencyId: stage.agencyId,
          role: stage.role,
          dueAt: row.stage_due_at!.toISOString(),
        });
      }
      return due.length;
    });
    if (n) this.onCommitted();
    return n;
  }

  // ---- helpers ----

  private async addVersionRow(
    m: EntityManager,
    row: SubmissionRow,
    actor: Actor,
    input: VersionInput,
  ): Promise<number> {
    const number = row.current_version + 1;
    const checks = runChecks(
      { platform: row.platform, title: input.title ?? null, text: input.text, media: input.media },
      row.check_context,
    );
    await m.query(
      `INSERT INTO versions (submission_id, number, title, text, media, checks, submitted_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        row.id,
        number,
        input.title ?? null,
        input.text,
        JSON.stringify(input.media),
        JSON.stringify(checks),
        actor.userId,
      ],
    );
    row.current_version = number;
    return number;
  }

  private async enterStage(m: EntityManager, row: SubmissionRow, index: number, at: Date): Promise<void> {
    const stage = row.stages[index];
    row.stage_index = index;
    row.stage_approvals = [];
    row.escalated_at = null;
    row.stage_due_at = new Date(at.getTime() + stage.deadlineHours * 3600_000);
    await m.query('UPDATE submissions SET stage_agency_id = $2, stage_role = $3 WHERE id = $1', [
      row.id,
      stage.agencyId,
      stage.role,
    ]);
  }

  private leaveStages(row: SubmissionRow): void {
    row.stage_due_at = null;
    row.escalated_at = null;
    row.stage_approvals = [];
  }

  private note(row: SubmissionRow, actor: Actor, what: string): void {
    row.timeline = [...row.timeline, { at: new Date().toISOString(), what, by: actor.userId }];
  }

  private async save(m: EntityManager, row: SubmissionRow): Promise<void> {
    const inReview = row.status === 'in_review';
    await m.query(
      `UPDATE submissions SET status = $2, stage_index = $3, stage_due_at = $4, stage_approvals = $5, escalated_at = $6, current_version = $7, timeline = $8,
              version = version + 1, stage_agency_id = CASE WHEN $9 THEN stage_agency_id END, stage_role = CASE WHEN $9 THEN stage_role END
        WHERE id = $1`,
      [
        row.id,
        row.status,
        row.stage_index,
        row.stage_due_at,
        row.stage_approvals,
        row.escalated_at,
        row.current_version,
        JSON.stringify(row.timeline),
        inReview,
      ],
    );
  }

  private async blocking(m: EntityManager, row: SubmissionRow) {
    const [version] = await m.query('SELECT checks FROM versions WHERE submission_id = $1 AND number = $2', [
      row.id,
      row.current_version,
    ]);
    const overridden: { check: CheckName }[] = await m.query(
      'SELECT "check" FROM check_overrides WHERE submission_id = $1 AND version = $2',
      [row.id, row.current_version],
    );
    return blockingChecks(
      version.checks as CheckResult[],
      overridden.map((o) => o.check),
    );
  }

  private async emit(
    m: EntityManager,
    move: SubmissionMove | 'submit',
    row: SubmissionRow,
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
        assignmentId: row.assignment_id,
        campaignId: row.campaign_id,
        creatorId: row.creator_id,
        status: row.status,
        version: row.current_version,
        stage: stage ?? null,
        note,
      },
      correlationId,
    );
  }

  private async find(m: EntityManager, actor: Actor, id: string, lock = false): Promise<SubmissionRow> {
    const [row]: SubmissionRow[] = await m.query(
      `SELECT * FROM submissions WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    if (!row || !abilityFor(actor).can('read', subject('Submission', fields(row))))
      throw new NotFoundError('submission', id);
    return row;
  }

  /** The whole submission as the caller may see it: creators see comments addressed to them, not reviewers' internal notes. */
  async view(m: EntityManager, actor: Actor, id: string): Promise<SubmissionView> {
    const [row]: SubmissionRow[] = await m.query('SELECT * FROM submissions WHERE id = $1', [id]);
    const forCreator = isCreatorActor(actor);
    // In a transaction `m` is one connection, which runs one query at a time (pg refuses overlapping ones): ask in turn.
    const versions = await m.query(
      'SELECT number, title, text, media, checks, submitted_by, submitted_at FROM versions WHERE submission_id = $1 ORDER BY number',
      [id],
    );
    const overrides = await m.query(
      'SELECT version, "check", reason, by_user, at FROM check_overrides WHERE submission_id = $1',
      [id],
    );
    const comments = await m.query(
      `SELECT * FROM comments WHERE submission_id = $1 ${forCreator ? "AND visibility = 'creator'" : ''} ORDER BY at, id`,
      [id],
    );
    const decisions = await m.query(
      'SELECT version, stage, decision, reason, by_user, agency_id, at FROM decisions WHERE submission_id = $1 ORDER BY at, id',
      [id],
    );
    const publications = await m.query(
      `SELECT p.*, lm.at AS m_at, lm.views, lm.likes, lm.comments AS m_comments, lm.shares FROM publications p
         LEFT JOIN LATERAL (SELECT * FROM metrics WHERE publication_id = p.id ORDER BY at DESC LIMIT 1) lm ON true
        WHERE p.submission_id = $1`,
      [id],
    );
    const stage = row.stages[row.stage_index];
    const p = publications[0];
    return {
      id: row.id,
      assignmentId: row.assignment_id,
      campaignId: row.campaign_id,
      ownerAgencyId: row.owner_agency_id,
      partnerAgencyIds: row.partner_agency_ids,
      creatorId: row.creator_id,
      creatorName: row.creator_name,
      platform: row.platform as SubmissionView['platform'],
      kind: row.kind as SubmissionView['kind'],
      plannedAt: row.planned_at.toISOString(),
      status: row.status,
      stages: row.stages,
      currentStage:
        row.status === 'in_review' && stage && row.stage_due_at
          ? {
              ...stage,
              index: row.stage_index,
              dueAt: row.stage_due_at.toISOString(),
              overdue: row.stage_due_at.getTime() < Date.now(),
              escalated: row.escalated_at !== null,
              approvals: row.stage_approvals,
            }
          : null,
      versions: versions.map(
        (v: {
          number: number;
          title: string | null;
          text: string;
          media: SubmissionView['versions'][number]['media'];
          checks: CheckResult[];
          submitted_by: string;
          submitted_at: Date;
        }) => ({
          number: v.number,
          title: v.title,
          text: v.text,
          media: v.media,
          checks: v.checks,
          overrides: overrides
            .filter((o: { version: number }) => o.version === v.number)
            .map((o: { check: CheckName; reason: string; by_user: string; at: Date }) => ({
              check: o.check,
              reason: o.reason,
              by: o.by_user,
              at: o.at.toISOString(),
            })),
          submittedBy: v.submitted_by,
          submittedAt: v.submitted_at.toISOString(),
        }),
      ),
      comments: comments.map(
        (c: {
          id: string;
          version: number;
          parent_id: string | null;
          range_start: number | null;
          range_end: number | null;
          body: string;
          visibility: 'creator' | 'internal';
          by_user: string;
          agency_id: string;
          at: Date;
        }) => ({
          id: c.id,
          version: c.version,
          parentId: c.parent_id,
          range: c.range_start === null ? null : { start: c.range_start, end: c.range_end! },
          body: c.body,
          visibility: c.visibility,
          by: c.by_user,
          agencyId: c.agency_id,
          at: c.at.toISOString(),
        }),
      ),
      decisions: decisions.map(
        (d: {
          version: number;
          stage: string;
          decision: SubmissionView['decisions'][number]['decision'];
          reason: string | null;
          by_user: string;
          agency_id: string;
          at: Date;
        }) => ({
          version: d.version,
          stage: d.stage,
          decision: d.decision,
          reason: d.reason,
          by: d.by_user,
          agencyId: d.agency_id,
          at: d.at.toISOString(),
        }),
      ),
      publication: p
        ? {
            id: p.id,
            submissionId: p.submission_id,
            platform: p.platform,
            url: p.url,
            publishedAt: p.published_at.toISOString(),
            recordedBy: p.recorded_by,
            latestMetrics: p.m_at
              ? {
                  at: p.m_at.toISOString(),
                  views: Number(p.views),
                  likes: Number(p.likes),
                  comments: Number(p.m_comments),
                  shares: Number(p.shares),
                }
              : null,
          }
        : null,
      timeline: row.timeline,
      version: row.version,
      submittedBy: row.submitted_by,
      createdAt: row.created_at.toISOString(),
    };
  }

  private async write<R>(cmd: Envelope<unknown>, body: (m: EntityManager) => Promise<R>): Promise<R> {
    const result = await transactOnce(this.dataSource, cmd, body);
    this.onCommitted();
    return result;
  }
}
