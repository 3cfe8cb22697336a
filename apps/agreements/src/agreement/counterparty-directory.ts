import { DomainError, SUBJECTS, type Actor, type CreatorView } from '@concord/domain';
import type { ServiceClient } from '@concord/messaging';

/**
 * The registry, asked over NATS about an agreement's counterparty. A
 * registry that does not answer is `service.unavailable` (503), never a guess.
 */
export class CounterpartyDirectory {
  constructor(private readonly registry: ServiceClient) {}

  /** The creator as the actor may see it, or `validation.failed` on `counterpartyId`. */
  async find(actor: Actor, id: string, correlationId?: string): Promise<CreatorView> {
    try {
      return await this.registry.request(SUBJECTS.registry.creatorGet, { id }, actor, { correlationId });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') {
        throw new DomainError('validation.failed', 'The counterparty is not in the creator registry', [
          {
            path: 'counterpartyId',
            code: 'unknown_creator',
            message: 'Name a registered creator or management company',
          },
        ]);
      }
      throw error;
    }
  }
}
