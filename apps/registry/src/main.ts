import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { ConfigError } from '@concord/config';
import { startRegistry } from './registry.app';
import { loadRegistryConfig } from './registry.config';

async function main(): Promise<void> {
  const config = loadRegistryConfig();
  const logger = new ConsoleLogger('registry', { json: process.env.LOG_FORMAT === 'json', logLevels: ['error', 'warn'] });
  const app = await startRegistry(config, logger);
  console.log(`registry listening on NATS (namespace ${config.CONCORD_ENV})`);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`registry: ${signal}, draining NATS subscriptions and finishing in-flight requests`);
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
