import { z } from 'zod';
import { FAN_OUT_MAX_ATTEMPTS } from '@concord/domain';
import { durationMs, loadConfig } from '@concord/config';
import { callerConfigShape, serviceConfigShape } from '@concord/service-kit';

export const TaskingConfigSchema = z.object({
  ...serviceConfigShape('tasking'),
  ...callerConfigShape(),
  /** Open assignments (offered, accepted, submitted, approved) a creator may hold at once. */
  TASKING_CREATOR_CAPACITY: z.coerce.number().int().min(1).max(100).default(3),
  /** Creators per fan-out batch (one registry page, one transaction). */
  TASKING_FANOUT_BATCH: z.coerce.number().int().min(10).max(5000).default(1000),
  /** Failed attempts in a row (e.g. the registry does not answer) before a fan-out is failed with the reason. */
  TASKING_FANOUT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(FAN_OUT_MAX_ATTEMPTS),
  /** The first retry's delay; each next one doubles, up to a minute. */
  TASKING_FANOUT_RETRY_MS: durationMs(1000),
  /** How long starting a fan-out waits for it to finish before answering with its progress. */
  TASKING_FANOUT_WAIT_MS: durationMs(2000),
  /** How often unanswered offers past their due time expire. */
  TASKING_CALENDAR_MS: durationMs(60_000),
});

export type TaskingConfig = z.infer<typeof TaskingConfigSchema>;
/** What a caller may give: defaults fill the rest. */
export type TaskingConfigInput = z.input<typeof TaskingConfigSchema>;

export function loadTaskingConfig(env: NodeJS.ProcessEnv = process.env): TaskingConfig {
  return loadConfig(TaskingConfigSchema, env);
}
