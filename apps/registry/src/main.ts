import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { runProcess } from '@concord/config';
import { startRegistry } from './registry.app';
import { loadRegistryConfig } from './registry.config';

runProcess('registry', async () => {
  const config = loadRegistryConfig();
  const logger = new ConsoleLogger('registry', {
    json: process.env.LOG_FORMAT === 'json',
    logLevels: ['error', 'warn'],
  });
  const app = await startRegistry(config, logger);
  console.log(`registry listening on NATS (namespace ${config.CONCORD_ENV})`);
  return app;
});
