import type { INestMicroservice, LoggerService } from '@nestjs/common';
import { startService } from '@concord/service-kit';
import { ApprovalsConfigSchema, type ApprovalsConfigInput } from './approvals.config';
import { ApprovalsModule } from './approvals.module';

/** Builds and starts the approvals microservice: NATS request-reply on its namespaced subjects. */
export function startApprovals(
  given: ApprovalsConfigInput,
  logger?: LoggerService | false,
): Promise<INestMicroservice> {
  const config = ApprovalsConfigSchema.parse(given);
  return startService('approvals', ApprovalsModule.forConfig(config), config, logger);
}
