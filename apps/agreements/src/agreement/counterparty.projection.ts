import type { EntityManager } from 'typeorm';
import { CreatorRegistered, CreatorStatusChanged, CreatorUpdated, type Envelope } from '@concord/domain';
import { BUS } from '@concord/messaging';
import type { CounterpartyRepository } from './counterparty.repository';

/** The registry's creator events the agreements service follows (the bus's permission table allows these and no others). */
export const CREATOR_EVENTS_FILTER = BUS.agreements.consumes.counterparties;

/**
 * Keeps `counterparties` in step with the registry, so drafting an agreement
 * does not wait for the registry to answer (and does not slow down when it is
 * busy registering): a registration or an update records the creator's name,
 * a status change its status. The agreements service never reads the
 * registry's schema.
 */
export function creatorEventProjection(counterparties: CounterpartyRepository) {
  return async (event: Envelope<unknown> & { subject: string }, manager: EntityManager): Promise<void> => {
    const at = event.occurredAt;
    // The wire subject is namespaced (`concord.<env>.events.registry.creator.registered`): the last word says which.
    switch (event.subject.split('.').at(-1)) {
      case 'registered':
        return counterparties.recordName(manager, { ...CreatorRegistered.parse(event.data).creator, at });
      case 'updated':
        return counterparties.recordName(manager, { ...CreatorUpdated.parse(event.data).creator, at });
      case 'status_changed': {
        const data = CreatorStatusChanged.parse(event.data);
        return counterparties.recordStatus(manager, { id: data.creatorId, status: data.to, at });
      }
      default:
        // Another creator event (none yet): nothing the copy keeps.
        return;
    }
  };
}
