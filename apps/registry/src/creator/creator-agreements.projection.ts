import type { EntityManager } from 'typeorm';
import { AgreementEventData, type Envelope } from '@concord/domain';
import { BUS } from '@concord/messaging';
import type { CreatorAgreementsRepository } from './creator-agreements.repository';

/** The agreement events the registry follows (the bus's permission table lets its consumer read these and no others). */
export const AGREEMENT_EVENTS_FILTER = BUS.registry.consumes.creator_agreements;

/**
 * Keeps `creator_agreements` in step with the agreements service: each
 * activated, suspended or ended event records the agreement's status for its
 * counterparty. The registry never reads the agreements schema.
 */
export function agreementEventProjection(agreements: CreatorAgreementsRepository) {
  return async (event: Envelope<unknown> & { subject: string }, manager: EntityManager): Promise<void> => {
    if (!/\.(activated|suspended|ended|amended)$/.test(event.subject)) return;
    const data = AgreementEventData.parse(event.data);
    await agreements.record(manager, {
      agreementId: data.agreementId,
      creatorId: data.counterpartyId,
      number: data.number,
      agencyId: data.agencyId,
      status: data.status,
      termStart: data.term.start,
      termEnd: data.term.end,
      at: event.occurredAt,
    });
  };
}
