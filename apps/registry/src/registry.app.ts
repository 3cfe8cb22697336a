import type { INestMicroservice, LoggerService } from '@nestjs/common';
import type { PinoLogger } from '@concord/messaging';
import { startService } from '@concord/service-kit';
import { RegistryConfigSchema, type RegistryConfigInput } from './registry.config';
import { RegistryModule } from './registry.module';

/**
 * Builds and starts the registry microservice: NATS request-reply on its namespaced subjects. Its JSON log lines go to
 * `log` when given (a test reads them), else to stdout at LOG_LEVEL.
 */
export function startRegistry(
  given: RegistryConfigInput,
  logger?: LoggerService | false,
  log?: PinoLogger,
): Promise<INestMicroservice> {
  const config = RegistryConfigSchema.parse(given);
  return startService('registry', RegistryModule.forConfig(config), config, logger, log);
}
