import { Controller, Inject, type Type } from '@nestjs/common';
import type { ReplyOf, Subject } from '@concord/domain';
import { Handles, type RequestFor } from '@concord/messaging';

/** The services a handler answers with, by the name its routes use: `{ campaigns: CampaignService }`. */
type ServiceTypes = Record<string, Type<unknown>>;
type Instances<Services extends ServiceTypes> = { [Name in keyof Services]: InstanceType<Services[Name]> };

/** For each subject the handler answers, the call that answers it: `[S.get]: ({ creators }, request) => …`. */
export type SubjectRoutes<Services extends ServiceTypes> = {
  [S in Subject]?: (services: Instances<Services>, request: RequestFor<S>) => Promise<ReplyOf<S>> | ReplyOf<S>;
};

/**
 * A service's NATS handler (NATS in, reply out): a controller that injects `services` and answers each subject of
 * `routes` (through `@Handles`, so the request is validated and the reply checked against the subject's contract) with
 * that subject's call. Each service lists the handlers it makes this way among its module's controllers.
 */
export function subjectHandler<Services extends ServiceTypes>(
  name: string,
  services: Services,
  routes: SubjectRoutes<Services>,
): Type<unknown> {
  const names = Object.keys(services);

  @Controller()
  class SubjectHandler {
    readonly services: Instances<Services>;

    constructor(...instances: unknown[]) {
      this.services = Object.fromEntries(names.map((service, i) => [service, instances[i]])) as Instances<Services>;
    }
  }
  names.forEach((service, i) => Inject(services[service])(SubjectHandler, undefined, i));

  for (const subject of Object.keys(routes) as Subject[]) {
    const route = routes[subject] as (services: Instances<Services>, request: unknown) => unknown;
    const descriptor: PropertyDescriptor = {
      value(this: SubjectHandler, request: unknown) {
        return route(this.services, request);
      },
      writable: true,
      configurable: true,
    };
    Handles(subject)(SubjectHandler.prototype, subject, descriptor);
    Object.defineProperty(SubjectHandler.prototype, subject, descriptor);
  }
  Object.defineProperty(SubjectHandler, 'name', { value: name });
  return SubjectHandler;
}
