import type { INestMicroservice, LoggerService } from '@nestjs/common';
import { startService } from '@concord/service-kit';
import { AgreementsConfigSchema, type AgreementsConfigInput } from './agreements.config';
import { AgreementsModule } from './agreements.module';

/** Builds and starts the agreements microservice: NATS request-reply on its namespaced subjects. */
export function startAgreements(
  given: AgreementsConfigInput,
  logger?: LoggerService | false,
): Promise<INestMicroservice> {
  const config = AgreementsConfigSchema.parse(given);
  return startService('agreements', AgreementsModule.forConfig(config), config, logger);
}
