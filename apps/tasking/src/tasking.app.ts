import type { INestMicroservice, LoggerService } from '@nestjs/common';
import { startService } from '@concord/service-kit';
import { TaskingConfigSchema, type TaskingConfigInput } from './tasking.config';
import { TaskingModule } from './tasking.module';

/** Builds and starts the tasking microservice: NATS request-reply on its namespaced subjects. */
export function startTasking(given: TaskingConfigInput, logger?: LoggerService | false): Promise<INestMicroservice> {
  const config = TaskingConfigSchema.parse(given);
  return startService('tasking', TaskingModule.forConfig(config), config, logger);
}
