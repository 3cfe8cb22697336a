import type { DataSource, EntityManager } from 'typeorm';
import type { BriefKind, PlatformName, ReviewStage, SubmissionStatusName, SubmissionView } from '@concord/domain';

/** What a submission's versions are checked against, kept from the campaign and brief when it was submitted. */
export interface CheckContextColumn {
  disclosureLabel: string | null;
  requiredHashtags: string[];
  keyMessages: string[];
}

/** One line of a submission's timeline. */
export interface TimelineEntry {
  at: string;
  what: string;
  by: string;
}

/** A submissions row as stored (`SELECT *`; the review queue reads it so too). */
export interface SubmissionColumns {
  id: string;
  assignment_id: string;
  campaign_id: string;
  owner_agency_id: string;
  partner_agency_ids: string[];
  creator_id: string;
  management_company_id: string | null;
  creator_name: string;
  platform: PlatformName;
  kind: BriefKind;
  planned_at: Date;
  status: SubmissionStatusName;
  stages: ReviewStage[];
  stage_index: number;
  stage_due_at: Date | null;
  stage_approvals: string[];
  escalated_at: Date | null;
  check_context: CheckContextColumn;
  current_version: number;
  timeline: TimelineEntry[];
  version: number;
  submitted_by: string;
  created_at: Date;
}

/** A submission: where its review stands, and whose it is. */
export interface Submission {
  id: string;
  assignmentId: string;
  campaignId: string;
  ownerAgencyId: string;
  partnerAgencyIds: string[];
  creatorId: string;
  managementCompanyId: string | null;
  creatorName: string;
  platform: PlatformName;
  kind: BriefKind;
  plannedAt: Date;
  status: SubmissionStatusName;
  stages: ReviewStage[];
  stageIndex: number;
  stageDueAt: Date | null;
  stageApprovals: string[];
  escalatedAt: Date | null;
  checkContext: CheckContextColumn;
  currentVersion: number;
  timeline: TimelineEntry[];
  version: number;
  submittedBy: string;
  createdAt: Date;
}

/** A new submission, entering review (at stage 0, before its first version); its planned time as the creator sent it. */
export type NewSubmission = Pick<
  Submission,
  | 'id'
  | 'assignmentId'
  | 'campaignId'
  | 'ownerAgencyId'
  | 'partnerAgencyIds'
  | 'creatorId'
  | 'managementCompanyId'
  | 'creatorName'
  | 'platform'
  | 'kind'
  | 'stages'
  | 'checkContext'
  | 'submittedBy'
  | 'createdAt'
> & { plannedAt: string };

/** A submission's id. */
export interface SubmissionIdRow {
  id: string;
}

/** A comment on a version. */
export interface CommentRow {
  id: string;
  version: number;
  parentId: string | null;
  rangeStart: number | null;
  rangeEnd: number | null;
  body: string;
  visibility: 'creator' | 'internal';
  byUser: string;
  agencyId: string;
  at: Date;
}

/** Who a comment is for. */
export interface CommentVisibilityRow {
  visibility: 'creator' | 'internal';
}

/** Whose comments a read returns: a creator's (those addressed to the creator) or reviewers' (all of them). */
export type CommentAudience = 'creator' | 'reviewers';

/** A reviewer's decision at a stage. */
export interface DecisionRow {
  version: number;
  stage: string;
  decision: SubmissionView['decisions'][number]['decision'];
  reason: string | null;
  byUser: string;
  agencyId: string;
  at: Date;
}

/** A row as the submission it is. */
export function toSubmission(c: SubmissionColumns): Submission {
  return {
    id: c.id,
    assignmentId: c.assignment_id,
    campaignId: c.campaign_id,
    ownerAgencyId: c.owner_agency_id,
    partnerAgencyIds: c.partner_agency_ids,
    creatorId: c.creator_id,
    managementCompanyId: c.management_company_id,
    creatorName: c.creator_name,
    platform: c.platform,
    kind: c.kind,
    plannedAt: c.planned_at,
    status: c.status,
    stages: c.stages,
    stageIndex: c.stage_index,
    stageDueAt: c.stage_due_at,
    stageApprovals: c.stage_approvals,
    escalatedAt: c.escalated_at,
    checkContext: c.check_context,
    currentVersion: c.current_version,
    timeline: c.timeline,
    version: c.version,
    submittedBy: c.submitted_by,
    createdAt: c.created_at,
  };
}

/**
 * Submissions, their reviewers' decisions and their comments in PostgreSQL (versions and checks: VersionRepository).
 * It reads and writes only: who may see or do what, and how a review moves, are submission.service.ts's and
 * packages/domain's.
 */
export class SubmissionRepository {
  constructor(private readonly dataSource: DataSource) {}

  // ---- submissions ----

  /** A submission by id (undefined if there is none), whoever asks: the caller checks who may see it. */
  async byId(manager: EntityManager, id: string): Promise<Submission | undefined> {
    const [row] = await manager.query<SubmissionColumns[]>('SELECT * FROM submissions WHERE id = $1', [id]);
    return row && toSubmission(row);
  }

  /** A submission by id, locked for a change until the transaction ends (undefined if there is none). */
  async lockForChange(manager: EntityManager, id: string): Promise<Submission | undefined> {
    const [row] = await manager.query<SubmissionColumns[]>('SELECT * FROM submissions WHERE id = $1 FOR UPDATE', [id]);
    return row && toSubmission(row);
  }

  /** The submissions of an assignment that are still live (neither rejected nor withdrawn). */
  liveFor(manager: EntityManager, assignmentId: string): Promise<SubmissionIdRow[]> {
    return manager.query<SubmissionIdRow[]>(
      `SELECT id FROM submissions WHERE assignment_id = $1 AND status NOT IN ('rejected', 'withdrawn')`,
      [assignmentId],
    );
  }

  /** Stores a new submission, in review at its first stage, with no version yet. */
  async insert(manager: EntityManager, s: NewSubmission): Promise<void> {
    await manager.query(
      `INSERT INTO submissions (id, assignment_id, campaign_id, owner_agency_id, partner_agency_ids, creator_id, management_company_id, creator_name, platform, kind,
                                  planned_at, status, stages, stage_index, check_context, current_version, timeline, version, submitted_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'in_review', $12, 0, $13, 0, '[]', 1, $14, $15)`,
      [
        s.id,
        s.assignmentId,
        s.campaignId,
        s.ownerAgencyId,
        s.partnerAgencyIds,
        s.creatorId,
        s.managementCompanyId,
        s.creatorName,
        s.platform,
        s.kind,
        s.plannedAt,
        JSON.stringify(s.stages),
        JSON.stringify(s.checkContext),
        s.submittedBy,
        s.createdAt,
      ],
    );
  }

  /** Names the agency and role whose queue a submission now waits in. */
  async setStageReviewers(manager: EntityManager, id: string, stage: ReviewStage): Promise<void> {
    await manager.query('UPDATE submissions SET stage_agency_id = $2, stage_role = $3 WHERE id = $1', [
      id,
      stage.agencyId,
      stage.role,
    ]);
  }

  /**
   * Writes a submission's review state and timeline back and counts its version up; out of review it leaves every
   * queue (no stage agency or role).
   */
  async save(manager: EntityManager, s: Submission): Promise<void> {
    const inReview = s.status === 'in_review';
    await manager.query(
      `UPDATE submissions SET status = $2, stage_index = $3, stage_due_at = $4, stage_approvals = $5, escalated_at = $6, current_version = $7, timeline = $8,
              version = version + 1, stage_agency_id = CASE WHEN $9 THEN stage_agency_id END, stage_role = CASE WHEN $9 THEN stage_role END
        WHERE id = $1`,
      [
        s.id,
        s.status,
        s.stageIndex,
        s.stageDueAt,
        s.stageApprovals,
        s.escalatedAt,
        s.currentVersion,
        JSON.stringify(s.timeline),
        inReview,
      ],
    );
  }

  /** Up to 500 submissions whose stage is overdue and not yet escalated, soonest due first, locked (others skipped). */
  async lockOverdue(manager: EntityManager, now: Date): Promise<Submission[]> {
    const rows = await manager.query<SubmissionColumns[]>(
      `SELECT * FROM submissions WHERE status = 'in_review' AND escalated_at IS NULL AND stage_due_at < $1 ORDER BY stage_due_at LIMIT 500 FOR UPDATE SKIP LOCKED`,
      [now],
    );
    return rows.map(toSubmission);
  }

  /** Marks a submission's current stage escalated. */
  async markEscalated(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query('UPDATE submissions SET escalated_at = $2 WHERE id = $1', [id, at]);
  }

  // ---- decisions ----

  /** Stores a reviewer's decision on a version at a stage. */
  async insertDecision(
    manager: EntityManager,
    d: {
      id: string;
      submissionId: string;
      version: number;
      stage: string;
      decision: DecisionRow['decision'];
      reason: string | null;
      byUser: string;
      agencyId: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO decisions (id, submission_id, version, stage, decision, reason, by_user, agency_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [d.id, d.submissionId, d.version, d.stage, d.decision, d.reason, d.byUser, d.agencyId],
    );
  }

  /** A submission's decisions, in the order they were made. */
  decisionsOf(manager: EntityManager, submissionId: string): Promise<DecisionRow[]> {
    return manager.query<DecisionRow[]>(
      `SELECT version, stage, decision, reason, by_user AS "byUser", agency_id AS "agencyId", at
         FROM decisions WHERE submission_id = $1 ORDER BY at, id`,
      [submissionId],
    );
  }

  // ---- comments ----

  /** Who a comment of a submission is for (undefined if the submission has no such comment). */
  async commentVisibility(
    manager: EntityManager,
    submissionId: string,
    commentId: string,
  ): Promise<CommentVisibilityRow | undefined> {
    const [row] = await manager.query<CommentVisibilityRow[]>(
      'SELECT visibility FROM comments WHERE id = $1 AND submission_id = $2',
      [commentId, submissionId],
    );
    return row;
  }

  /** Stores a comment on a version (on a range of its text, in answer to another, as given). */
  async insertComment(manager: EntityManager, c: Omit<CommentRow, 'at'> & { submissionId: string }): Promise<void> {
    await manager.query(
      `INSERT INTO comments (id, submission_id, version, parent_id, range_start, range_end, body, visibility, by_user, agency_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        c.id,
        c.submissionId,
        c.version,
        c.parentId,
        c.rangeStart,
        c.rangeEnd,
        c.body,
        c.visibility,
        c.byUser,
        c.agencyId,
      ],
    );
  }

  /** A submission's comments the audience may read, oldest first: a creator reads those addressed to the creator. */
  commentsOf(manager: EntityManager, submissionId: string, audience: CommentAudience): Promise<CommentRow[]> {
    return manager.query<CommentRow[]>(
      `SELECT id, version, parent_id AS "parentId", range_start AS "rangeStart", range_end AS "rangeEnd", body, visibility,
              by_user AS "byUser", agency_id AS "agencyId", at
         FROM comments WHERE submission_id = $1 ${audience === 'creator' ? "AND visibility = 'creator'" : ''} ORDER BY at, id`,
      [submissionId],
    );
  }
}
