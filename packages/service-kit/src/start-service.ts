import { NestFactory } from '@nestjs/core';
import type { DynamicModule, INestMicroservice, LoggerService } from '@nestjs/common';
import {
  ActorProofGuard,
  ActorProofVerifier,
  createLogger,
  NamespacedNatsServer,
  nestLogger,
  natsOptions,
  ProcessMetrics,
  RequestLogInterceptor,
  RpcProblemFilter,
  type NatsSettings,
  type PinoLogger,
} from '@concord/messaging';
import type { ServiceName } from './service-module';

export interface ServeConfig extends NatsSettings {
  CONCORD_ENV: string;
  /** The issuers whose proof of a request's actor the service believes (ADR 0014). */
  CONCORD_ACTOR_ISSUERS: string;
  /** LOG_LEVEL: `fatal` … `trace`, `silent` (`info` unless given). */
  LOG_LEVEL?: string;
}

/**
 * Builds and starts a service as a Nest microservice: NATS request-reply on
 * its namespaced subjects, one queue group per service (instances share the
 * requests), problems as replies, and no request without a proof of its actor. It logs JSON lines with pino
 * (`log`, else one on stdout at LOG_LEVEL): one per request handled (subject, outcome, duration, request id), and
 * Nest's own messages through nestjs-pino unless `logger` is false (tests) or another logger (ADR 0025). Each request
 * is counted in the service's metrics too, served on METRICS_PORT (ADR 0027).
 */
export async function startService(
  name: ServiceName,
  module: DynamicModule,
  config: ServeConfig,
  logger?: LoggerService | false,
  log: PinoLogger = createLogger({ service: name, level: config.LOG_LEVEL }),
): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice(module, {
    strategy: new NamespacedNatsServer(
      {
        ...natsOptions(name, config, `concord-${config.CONCORD_ENV}-${name}`),
        queue: `concord.${config.CONCORD_ENV}.${name}`,
      },
      config.CONCORD_ENV,
    ),
    logger: logger ?? nestLogger(log),
    // A provider that fails (the database or NATS not answering) rejects this promise with its error, for the caller
    // to report (runProcess logs it and exits 1), instead of Nest exiting the process before anyone sees why.
    abortOnError: false,
  });
  app.useGlobalFilters(new RpcProblemFilter());
  app.useGlobalInterceptors(new RequestLogInterceptor(log, app.get(ProcessMetrics)));
  app.useGlobalGuards(new ActorProofGuard(new ActorProofVerifier(config.CONCORD_ACTOR_ISSUERS)));
  await app.listen();
  return app;
}
