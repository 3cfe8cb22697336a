import { NestFactory } from '@nestjs/core';
import type { INestMicroservice, LoggerService } from '@nestjs/common';
import {
  ActorProofGuard,
  ActorProofVerifier,
  NamespacedNatsServer,
  RpcProblemFilter,
  natsOptions,
} from '@concord/messaging';
import { RegistryConfigSchema, type RegistryConfigInput } from './registry.config';
import { RegistryModule } from './registry.module';

/** Builds and starts the registry microservice: NATS request-reply on its namespaced subjects. */
export async function startRegistry(
  given: RegistryConfigInput,
  logger?: LoggerService | false,
): Promise<INestMicroservice> {
  const config = RegistryConfigSchema.parse(given);
  const app = await NestFactory.createMicroservice(RegistryModule.forConfig(config), {
    strategy: new NamespacedNatsServer(
      {
        ...natsOptions('registry', config, `concord-${config.CONCORD_ENV}-registry`),
        queue: `concord.${config.CONCORD_ENV}.registry`,
      },
      config.CONCORD_ENV,
    ),
    logger: logger ?? ['error', 'warn', 'log'],
  });
  app.useGlobalFilters(new RpcProblemFilter());
  app.useGlobalGuards(new ActorProofGuard(new ActorProofVerifier(config.CONCORD_ACTOR_ISSUERS)));
  await app.listen();
  return app;
}
