import { ServiceClient } from '@concord/messaging';

/** The registry service, reached over NATS. */
export class RegistryClient extends ServiceClient {}

/** The agreements service, reached over NATS. */
export class AgreementsClient extends ServiceClient {}

/** The tasking service, reached over NATS. */
export class TaskingClient extends ServiceClient {}

/** The content approval service, reached over NATS. */
export class ApprovalsClient extends ServiceClient {}

/** The four services' clients by the service's name: for what the gateway does to each alike (probe it, close it). */
export class ServiceClients {
  constructor(
    readonly registry: RegistryClient,
    readonly agreements: AgreementsClient,
    readonly tasking: TaskingClient,
    readonly approvals: ApprovalsClient,
  ) {}

  /** Each service's name and client, in the order above. */
  all(): ['registry' | 'agreements' | 'tasking' | 'approvals', ServiceClient][] {
    return [
      ['registry', this.registry],
      ['agreements', this.agreements],
      ['tasking', this.tasking],
      ['approvals', this.approvals],
    ];
  }
}

/** ServiceClients, made of the four clients the module provides. */
export const serviceClientsProvider = {
  provide: ServiceClients,
  useFactory: (...clients: ConstructorParameters<typeof ServiceClients>) => new ServiceClients(...clients),
  inject: [RegistryClient, AgreementsClient, TaskingClient, ApprovalsClient],
};
