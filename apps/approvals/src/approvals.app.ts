import { NestFactory } from '@nestjs/core';
import type { INestMicroservice, LoggerService } from '@nestjs/common';
import {
  ActorProofGuard,
  ActorProofVerifier,
  NamespacedNatsServer,
  RpcProblemFilter,
  natsOptions,
} from '@concord/messaging';
import { ApprovalsConfigSchema, type ApprovalsConfigInput } from './approvals.config';
import { ApprovalsModule } from './approvals.module';

/** Builds and starts the approvals microservice: NATS request-reply on its namespaced subjects. */
export async function startApprovals(
  given: ApprovalsConfigInput,
  logger?: LoggerService | false,
): Promise<INestMicroservice> {
  const config = ApprovalsConfigSchema.parse(given);
  const app = await NestFactory.createMicroservice(ApprovalsModule.forConfig(config), {
    strategy: new NamespacedNatsServer(
      {
        ...natsOptions('approvals', config, `concord-${config.CONCORD_ENV}-approvals`),
        queue: `concord.${config.CONCORD_ENV}.approvals`,
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
