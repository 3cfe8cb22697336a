import { z } from 'zod';
import { loadConfig } from '@concord/config';
import { serviceConfigShape } from '@concord/service-kit';

export const RegistryConfigSchema = z.object({
  ...serviceConfigShape('registry'),
  /** 32 random bytes, base64: encrypts creators' personal data at rest. */
  CONCORD_PII_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, '32 random bytes in base64 (openssl rand -base64 32)'),
  /** How often each registry instance reads the creators' names changed by others, for its duplicate check (ADR 0017). */
  REGISTRY_NAMES_REFRESH_MS: z.coerce.number().int().min(100).default(2000),
});

export type RegistryConfig = z.infer<typeof RegistryConfigSchema>;
/** What a caller may give: defaults fill the rest. */
export type RegistryConfigInput = z.input<typeof RegistryConfigSchema>;

export function loadRegistryConfig(env: NodeJS.ProcessEnv = process.env): RegistryConfig {
  return loadConfig(RegistryConfigSchema, env);
}
