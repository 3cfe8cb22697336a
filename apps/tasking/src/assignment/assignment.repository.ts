import type { EntityManager } from 'typeorm';

/** What tasking keeps of an agreement (from the agreements service's events): which are active, for whom, until when. */
export interface CoverageRow {
  agreementId: string;
  agencyId: string;
  counterpartyId: string;
  status: string;
  termStart: string;
  termEnd: string;
  deliverables: unknown;
  disclosureLabel: string | null | undefined;
  budget: number | null | undefined;
  /** When the event happened: an older event never overwrites a newer one. */
  at: string;
}

/**
 * Assignments and the agreements they rest on (`assignments`, `agreement_coverage`): the statements the reactions to
 * other services' events need, each inside the caller's transaction.
 */
export const AssignmentRepository = {
  async recordCoverage(m: EntityManager, row: CoverageRow): Promise<void> {
    await m.query(
      `INSERT INTO agreement_coverage (agreement_id, agency_id, counterparty_id, status, term_start, term_end, deliverables, disclosure_label, budget, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (agreement_id) DO UPDATE
         SET status = EXCLUDED.status, term_start = EXCLUDED.term_start, term_end = EXCLUDED.term_end, deliverables = EXCLUDED.deliverables,
             disclosure_label = COALESCE(EXCLUDED.disclosure_label, agreement_coverage.disclosure_label),
             budget = COALESCE(EXCLUDED.budget, agreement_coverage.budget), updated_at = EXCLUDED.updated_at
       WHERE agreement_coverage.updated_at <= EXCLUDED.updated_at`,
      [
        row.agreementId,
        row.agencyId,
        row.counterpartyId,
        row.status,
        row.termStart,
        row.termEnd,
        JSON.stringify(row.deliverables),
        row.disclosureLabel,
        row.budget,
        row.at,
      ],
    );
  },

  /** Flags the open assignments of an agreement that ended (once). */
  async flagAgreementEnded(m: EntityManager, agreementId: string): Promise<void> {
    await m.query(
      `UPDATE assignments SET flags = array_append(flags, 'agreement_ended'), version = version + 1
        WHERE agreement_id = $1 AND status NOT IN ('declined', 'expired', 'cancelled', 'closed') AND NOT ('agreement_ended' = ANY(flags))`,
      [agreementId],
    );
  },

  /** The agreement's assignments whose content was not submitted yet (offered or accepted). */
  async unstartedUnder(m: EntityManager, agreementId: string): Promise<string[]> {
    const rows = await m.query<{ id: string }[]>(
      `SELECT id FROM assignments WHERE agreement_id = $1 AND status IN ('offered', 'accepted')`,
      [agreementId],
    );
    return rows.map((r) => r.id);
  },

  /** The creator's offers not answered yet. */
  async offeredTo(m: EntityManager, creatorId: string): Promise<string[]> {
    const rows = await m.query<{ id: string }[]>(
      `SELECT id FROM assignments WHERE creator_id = $1 AND status = 'offered'`,
      [creatorId],
    );
    return rows.map((r) => r.id);
  },

  async linkSubmission(m: EntityManager, assignmentId: string, submissionId: string): Promise<void> {
    await m.query('UPDATE assignments SET submission_id = $2 WHERE id = $1', [assignmentId, submissionId]);
  },
};
