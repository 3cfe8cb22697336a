import { ClientNats } from '@nestjs/microservices';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import {
  createEnvelope, DomainError, namespaceSubject, type Actor, type Problem,
} from '@concord/domain';

export interface RequestOptions {
  correlationId?: string;
  idempotencyKey?: string;
  timeoutMs?: number;
}

/** Nest's NATS client, able to tell whether its connection answers. */
class CheckedClientNats extends ClientNats {
  async flush(): Promise<void> {
    await this.connect();
    if (!this.natsClient || this.natsClient.isClosed()) throw new Error('NATS connection is closed');
    await this.natsClient.flush();
  }
}

/**
 * Sends commands and queries to Concord services over NATS, in envelopes,
 * on namespaced subjects. A problem reply becomes a `DomainError` with the
 * service's code; silence becomes `service.unavailable` naming the service.
 */
export class ServiceClient {
  private readonly client: CheckedClientNats;

  constructor(
    natsUrl: string,
    private readonly env: string,
    private readonly defaultTimeoutMs = 5000,
  ) {
    this.client = new CheckedClientNats({ servers: natsUrl, name: `concord-${env}-client` });
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  async request<T>(subject: string, data: unknown, actor: Actor, options: RequestOptions = {}): Promise<T> {
    const envelope = createEnvelope(subject, actor, data, options);
    const service = subject.split('.')[1] ?? subject;
    try {
      return await firstValueFrom(
        this.client
          .send<T>(namespaceSubject(this.env, subject), envelope)
          .pipe(timeout(options.timeoutMs ?? this.defaultTimeoutMs)),
      );
    } catch (error) {
      if (DomainError.isProblem(error)) throw DomainError.fromProblem(error as Problem);
      if (error instanceof TimeoutError || isNoResponders(error)) {
        throw new DomainError('service.unavailable', `The ${service} service did not answer`, [], { service });
      }
      throw new DomainError('internal', `The ${service} service failed to answer`, [], { service });
    }
  }

  /** Resolves when the NATS server answers a round trip. */
  async ping(timeoutMs = 2000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.client.flush(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`NATS did not answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

function isNoResponders(error: unknown): boolean {
  const text = String((error as { message?: string })?.message ?? error);
  // NATS answers a request nobody listens to at once; Nest reports it as an empty response.
  return /no responders|no subscribers|empty response|503|disconnect|CONNECTION_REFUSED|closed/i.test(text);
}
