import { ServiceClient } from '@concord/messaging';

/** The registry service, reached over NATS. */
export class RegistryClient extends ServiceClient {}

/** The agreements service, reached over NATS. */
export class AgreementsClient extends ServiceClient {}

/** The tasking service, reached over NATS. */
export class TaskingClient extends ServiceClient {}

/** The content approval service, reached over NATS. */
export class ApprovalsClient extends ServiceClient {}
