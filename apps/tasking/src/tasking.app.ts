import { NestFactory } from '@nestjs/core';
import type { INestMicroservice, LoggerService } from '@nestjs/common';
import {
  ActorProofGuard,
  ActorProofVerifier,
  NamespacedNatsServer,
  RpcProblemFilter,
  natsOptions,
} from '@concord/messaging';
import { TaskingConfigSchema, type TaskingConfigInput } from './tasking.config';
import { TaskingModule } from './tasking.module';

/** Builds and starts the tasking microservice: NATS request-reply on its namespaced subjects. */
export async function startTasking(
  given: TaskingConfigInput,
  logger?: LoggerService | false,
): Promise<INestMicroservice> {
  const config = TaskingConfigSchema.parse(given);
  const app = await NestFactory.createMicroservice(TaskingModule.forConfig(config), {
    strategy: new NamespacedNatsServer(
      {
        ...natsOptions('tasking', config, `concord-${config.CONCORD_ENV}-tasking`),
        queue: `concord.${config.CONCORD_ENV}.tasking`,
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
