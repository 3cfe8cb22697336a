import type { DataSource, EntityManager } from 'typeorm';
import type { CheckName, CheckResult, SubmissionView, VersionInput } from '@concord/domain';

/** A version as a submission shows it. */
export interface VersionRow {
  number: number;
  title: string | null;
  text: string;
  media: SubmissionView['versions'][number]['media'];
  checks: CheckResult[];
  submittedBy: string;
  submittedAt: Date;
}

/** What a diff compares of a version. */
export interface VersionTextRow {
  number: number;
  title: string | null;
  text: string;
}

/** The checks a version was given when submitted. */
export interface VersionChecksRow {
  checks: CheckResult[];
}

/** A failing check let pass on a version. */
export interface CheckOverrideRow {
  version: number;
  check: CheckName;
  reason: string;
  byUser: string;
  at: Date;
}

/** A check let pass. */
export interface OverriddenCheckRow {
  check: CheckName;
}

/**
 * Submissions' versions (immutable once stored) with the checks they were given, and the failing checks let pass on
 * them, in PostgreSQL. Whether a check blocks, or may be let pass, is submission.service.ts's and packages/domain's.
 */
export class VersionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a version of a submission with the checks it was given. */
  async insert(
    manager: EntityManager,
    v: { submissionId: string; number: number; input: VersionInput; checks: CheckResult[]; submittedBy: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO versions (submission_id, number, title, text, media, checks, submitted_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        v.submissionId,
        v.number,
        v.input.title ?? null,
        v.input.text,
        JSON.stringify(v.input.media),
        JSON.stringify(v.checks),
        v.submittedBy,
      ],
    );
  }

  /** A submission's versions, first to last. */
  ofSubmission(manager: EntityManager, submissionId: string): Promise<VersionRow[]> {
    return manager.query<VersionRow[]>(
      `SELECT number, title, text, media, checks, submitted_by AS "submittedBy", submitted_at AS "submittedAt"
         FROM versions WHERE submission_id = $1 ORDER BY number`,
      [submissionId],
    );
  }

  /** The title and text of those of a submission's versions that have these numbers. */
  texts(submissionId: string, numbers: number[]): Promise<VersionTextRow[]> {
    return this.dataSource.query<VersionTextRow[]>(
      'SELECT number, title, text FROM versions WHERE submission_id = $1 AND number = ANY($2)',
      [submissionId, numbers],
    );
  }

  /** The checks of one version of a submission (undefined if it has no such version). */
  async checksOf(manager: EntityManager, submissionId: string, number: number): Promise<VersionChecksRow | undefined> {
    const [row] = await manager.query<VersionChecksRow[]>(
      'SELECT checks FROM versions WHERE submission_id = $1 AND number = $2',
      [submissionId, number],
    );
    return row;
  }

  /** The checks let pass on one version of a submission. */
  overriddenChecks(manager: EntityManager, submissionId: string, version: number): Promise<OverriddenCheckRow[]> {
    return manager.query<OverriddenCheckRow[]>(
      'SELECT "check" FROM check_overrides WHERE submission_id = $1 AND version = $2',
      [submissionId, version],
    );
  }

  /** Lets a failing check pass on a version, with a reason (replacing an earlier override of it). */
  async overrideCheck(
    manager: EntityManager,
    o: { submissionId: string; version: number; check: CheckName; reason: string; byUser: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO check_overrides (submission_id, version, "check", reason, by_user) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (submission_id, version, "check") DO UPDATE SET reason = EXCLUDED.reason, by_user = EXCLUDED.by_user, at = now()`,
      [o.submissionId, o.version, o.check, o.reason, o.byUser],
    );
  }

  /** Every check override of a submission, on any version. */
  overridesOf(manager: EntityManager, submissionId: string): Promise<CheckOverrideRow[]> {
    return manager.query<CheckOverrideRow[]>(
      'SELECT version, "check", reason, by_user AS "byUser", at FROM check_overrides WHERE submission_id = $1',
      [submissionId],
    );
  }
}
