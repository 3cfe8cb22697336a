import { z } from 'zod';
import { durationMs, loadConfig } from '@concord/config';
import { callerConfigShape, serviceConfigShape } from '@concord/service-kit';

export const AgreementsConfigSchema = z.object({
  ...serviceConfigShape('agreements'),
  ...callerConfigShape(),
  /** How often signed agreements are activated on their start date and ended ones expired. */
  AGREEMENTS_CALENDAR_MS: durationMs(60_000),
});

export type AgreementsConfig = z.infer<typeof AgreementsConfigSchema>;
/** What a caller may give: defaults fill the rest. */
export type AgreementsConfigInput = z.input<typeof AgreementsConfigSchema>;

export function loadAgreementsConfig(env: NodeJS.ProcessEnv = process.env): AgreementsConfig {
  return loadConfig(AgreementsConfigSchema, env);
}
