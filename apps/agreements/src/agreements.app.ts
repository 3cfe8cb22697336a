import { NestFactory } from '@nestjs/core';
import type { INestMicroservice, LoggerService } from '@nestjs/common';
import {
  ActorProofGuard,
  ActorProofVerifier,
  NamespacedNatsServer,
  RpcProblemFilter,
  natsOptions,
} from '@concord/messaging';
import { AgreementsConfigSchema, type AgreementsConfigInput } from './agreements.config';
import { AgreementsModule } from './agreements.module';

/** Builds and starts the agreements microservice: NATS request-reply on its namespaced subjects. */
export async function startAgreements(
  given: AgreementsConfigInput,
  logger?: LoggerService | false,
): Promise<INestMicroservice> {
  const config = AgreementsConfigSchema.parse(given);
  const app = await NestFactory.createMicroservice(AgreementsModule.forConfig(config), {
    strategy: new NamespacedNatsServer(
      {
        ...natsOptions('agreements', config, `concord-${config.CONCORD_ENV}-agreements`),
        queue: `concord.${config.CONCORD_ENV}.agreements`,
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
