import type { EntityManager } from 'typeorm';
import { AgreementEventData, type Envelope } from '@concord/domain';
import { BUS } from '@concord/messaging';

/** The agreement events the registry follows (the bus's permission table lets its consumer read these and no others). */
export const AGREEMENT_EVENTS_FILTER = BUS.registry.consumes.creator_agreements;

/**
 * Keeps `creator_agreements` in step with the agreements service: each
 * activated, suspended or ended event records the agreement's status for its
 * counterparty. The registry never reads the agreements schema.
 */
export async function projectAgreementEvent(
  event: Envelope<unknown> & { subject: string },
  manager: EntityManager,
): Promise<void> {
  if (!/\.(activated|suspended|ended|amended)$/.test(event.subject)) return;
  const data = AgreementEventData.parse(event.data);
  await manager.query(
    `INSERT INTO creator_agreements (agreement_id, creator_id, number, agency_id, status, term_start, term_end, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (agreement_id) DO UPDATE
       SET status = EXCLUDED.status, term_start = EXCLUDED.term_start, term_end = EXCLUDED.term_end, updated_at = EXCLUDED.updated_at
     WHERE creator_agreements.updated_at <= EXCLUDED.updated_at`,
    [
      data.agreementId,
      data.counterpartyId,
      data.number,
      data.agencyId,
      data.status,
      data.term.start,
      data.term.end,
      event.occurredAt,
    ],
  );
}

export interface CreatorAgreementRow {
  agreementId: string;
  number: string;
  agencyId: string;
  termStart: string;
  termEnd: string;
}

export async function activeAgreementsOf(manager: EntityManager, creatorId: string): Promise<CreatorAgreementRow[]> {
  return manager.query(
    `SELECT agreement_id AS "agreementId", number, agency_id AS "agencyId", to_char(term_start, 'YYYY-MM-DD') AS "termStart",
            to_char(term_end, 'YYYY-MM-DD') AS "termEnd"
       FROM creator_agreements WHERE creator_id = $1 AND status = 'active' ORDER BY term_end, number`,
    [creatorId],
  );
}
