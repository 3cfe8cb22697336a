import { ServerNats, type NatsOptions } from '@nestjs/microservices';
import { namespaceSubject } from '@concord/domain';
import { NATS_RECONNECT } from './nats-connection';

type AddHandler = ServerNats['addHandler'];
/** addHandler's parameters after the pattern (Nest types the pattern itself as `any`). */
type AfterPattern = Parameters<AddHandler> extends [unknown, ...infer Rest] ? Rest : never;

/**
 * Nest's NATS transport with Concord's namespacing: a handler written for
 * `concord.registry.creator.create` subscribes to
 * `concord.<env>.registry.creator.create`. Every handler joins the
 * service's queue group, so instances share the load. It reconnects to
 * NATS for ever (NATS_RECONNECT), so a NATS restart never leaves it deaf.
 */
export class NamespacedNatsServer extends ServerNats {
  constructor(
    options: NatsOptions['options'],
    private readonly env: string,
  ) {
    super({ gracefulShutdown: true, gracePeriod: 3000, ...NATS_RECONNECT, ...options });
  }

  override addHandler(...args: Parameters<AddHandler>): ReturnType<AddHandler> {
    const [pattern, ...rest] = args as [unknown, ...AfterPattern];
    const subject = typeof pattern === 'string' ? namespaceSubject(this.env, pattern) : pattern;
    return super.addHandler(subject, ...rest);
  }
}
