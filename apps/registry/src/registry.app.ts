import type { INestMicroservice, LoggerService } from '@nestjs/common';
import { startService } from '@concord/service-kit';
import { RegistryConfigSchema, type RegistryConfigInput } from './registry.config';
import { RegistryModule } from './registry.module';

/** Builds and starts the registry microservice: NATS request-reply on its namespaced subjects. */
export function startRegistry(given: RegistryConfigInput, logger?: LoggerService | false): Promise<INestMicroservice> {
  const config = RegistryConfigSchema.parse(given);
  return startService('registry', RegistryModule.forConfig(config), config, logger);
}
