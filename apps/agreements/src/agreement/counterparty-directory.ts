import { DomainError, SUBJECTS, type Actor, type CreatorView } from '@concord/domain';
import { abilityFor, subject } from '@concord/permissions';
import type { ServiceClient } from '@concord/messaging';
import type { CounterpartyRepository, CounterpartyRow } from './counterparty.repository';

/**
 * An agreement's counterparty. Drafting reads the service's own copy of the
 * registry (`counterparties`, kept from its events), so a draft never waits
 * for the registry, however busy; a creator registered a moment ago, not
 * copied yet, is asked of the registry over NATS. Legal review asks the
 * registry itself (`current`): it decides on the status and history as they
 * are now. A registry that does not answer is `service.unavailable` (503),
 * never a guess.
 */
export class CounterpartyDirectory {
  constructor(
    private readonly registry: ServiceClient,
    private readonly copies: CounterpartyRepository,
  ) {}

  /** The counterparty as the actor may see it, or `validation.failed` on `counterpartyId`. */
  async find(actor: Actor, id: string, correlationId?: string): Promise<Pick<CounterpartyRow, 'id' | 'displayName'>> {
    const copy = await this.copies.find(id);
    if (!copy) return this.current(actor, id, correlationId);
    if (!abilityFor(actor).can('read', subject('Creator', { status: copy.status }))) throw unknownCreator();
    return copy;
  }

  /** The creator as the registry answers now (status history included), or `validation.failed` on `counterpartyId`. */
  async current(actor: Actor, id: string, correlationId?: string): Promise<CreatorView> {
    try {
      return await this.registry.request(SUBJECTS.registry.creatorGet, { id }, actor, { correlationId });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') throw unknownCreator();
      throw error;
    }
  }
}

function unknownCreator(): DomainError {
  return new DomainError('validation.failed', 'The counterparty is not in the creator registry', [
    {
      path: 'counterpartyId',
      code: 'unknown_creator',
      message: 'Name a registered creator or management company',
    },
  ]);
}
