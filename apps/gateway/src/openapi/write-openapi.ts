import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createGateway } from '../gateway.app';
import { GatewayConfigSchema } from '../gateway.config';
import { buildOpenApiDocument } from './document';
import { generateActorKeyPair } from '@concord/messaging';

/**
 * Writes apps/gateway/openapi.json from the controllers and contracts,
 * without PostgreSQL or NATS (Nest's preview mode). The typed client is
 * generated from it; CI fails when either drifts.
 */
async function main(): Promise<void> {
  const config = GatewayConfigSchema.parse({
    NATS_URL: 'nats://unused:4222',
    DATABASE_URL: 'postgres://unused/unused',
    CONCORD_DEV_AUTH: '1',
    // Never used: preview mode sends nothing.
    CONCORD_ACTOR_KEY: generateActorKeyPair().privateKey,
  });
  const app = await createGateway(config, { logger: false, preview: true });
  const document = buildOpenApiDocument(app);
  const target = resolve(process.cwd(), 'openapi.json');
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`wrote ${target}`);
  await app.close().catch(() => undefined);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
