import { z } from 'zod';
import { CommonConfig, loadConfig } from '@concord/config';

export const TaskingConfigSchema = z.object({
  CONCORD_ENV: CommonConfig.CONCORD_ENV,
  NATS_URL: CommonConfig.NATS_URL,
  DATABASE_URL: CommonConfig.DATABASE_URL,
  LOG_LEVEL: CommonConfig.LOG_LEVEL,
  TASKING_DB_POOL: z.coerce.number().int().min(1).max(100).default(10),
});

export type TaskingConfig = z.infer<typeof TaskingConfigSchema>;

export function loadTaskingConfig(env: NodeJS.ProcessEnv = process.env): TaskingConfig {
  return loadConfig(TaskingConfigSchema, env);
}
