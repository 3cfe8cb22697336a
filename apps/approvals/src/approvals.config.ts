import { z } from 'zod';
import { durationMs, loadConfig } from '@concord/config';
import { callerConfigShape, serviceConfigShape } from '@concord/service-kit';

export const ApprovalsConfigSchema = z.object({
  ...serviceConfigShape('approvals'),
  ...callerConfigShape(),
  /** How often overdue review stages are looked for and escalated. */
  APPROVALS_DEADLINES_MS: durationMs(60_000),
});

export type ApprovalsConfig = z.infer<typeof ApprovalsConfigSchema>;
/** What a caller may give: defaults fill the rest. */
export type ApprovalsConfigInput = z.input<typeof ApprovalsConfigSchema>;

export function loadApprovalsConfig(env: NodeJS.ProcessEnv = process.env): ApprovalsConfig {
  return loadConfig(ApprovalsConfigSchema, env);
}
