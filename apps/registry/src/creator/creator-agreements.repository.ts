import type { DataSource, EntityManager } from 'typeorm';

/** An agreement's status for its counterparty, as the agreements service last announced it. */
export interface AgreementStatusRow {
  agreementId: string;
  creatorId: string;
  number: string;
  agencyId: string;
  status: string;
  termStart: string;
  termEnd: string;
  /** When the event that says so happened: an older event never overwrites a newer one. */
  at: string;
}

export interface CreatorAgreementRow {
  agreementId: string;
  number: string;
  agencyId: string;
  termStart: string;
  termEnd: string;
}

/** `creator_agreements`: the registry's copy of which agreements each creator has (creator-agreements.projection.ts). */
export class CreatorAgreementsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records an agreement's status for its counterparty, in the event consumer's transaction; never an older one over a newer. */
  async record(manager: EntityManager, row: AgreementStatusRow): Promise<void> {
    await manager.query(
      `INSERT INTO creator_agreements (agreement_id, creator_id, number, agency_id, status, term_start, term_end, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (agreement_id) DO UPDATE
       SET status = EXCLUDED.status, term_start = EXCLUDED.term_start, term_end = EXCLUDED.term_end, updated_at = EXCLUDED.updated_at
     WHERE creator_agreements.updated_at <= EXCLUDED.updated_at`,
      [row.agreementId, row.creatorId, row.number, row.agencyId, row.status, row.termStart, row.termEnd, row.at],
    );
  }

  /** A creator's active agreements, the soonest to end first. */
  activeOf(creatorId: string): Promise<CreatorAgreementRow[]> {
    return this.dataSource.query<CreatorAgreementRow[]>(
      `SELECT agreement_id AS "agreementId", number, agency_id AS "agencyId", to_char(term_start, 'YYYY-MM-DD') AS "termStart",
            to_char(term_end, 'YYYY-MM-DD') AS "termEnd"
       FROM creator_agreements WHERE creator_id = $1 AND status = 'active' ORDER BY term_end, number`,
      [creatorId],
    );
  }
}
