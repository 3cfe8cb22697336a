import 'reflect-metadata';
import { join } from 'node:path';
import { ConsoleLogger } from '@nestjs/common';
import { runProcess } from '@concord/config';
import { startGateway } from './gateway.app';
import { loadGatewayConfig } from './gateway.config';

runProcess('gateway', async () => {
  const loaded = loadGatewayConfig();
  // The admin portal is built beside the gateway (apps/portal/dist) unless PORTAL_DIR names another place.
  const config = { ...loaded, PORTAL_DIR: loaded.PORTAL_DIR ?? join(__dirname, '..', '..', 'portal', 'dist') };
  const logger = new ConsoleLogger('gateway', {
    json: process.env.LOG_FORMAT === 'json',
    logLevels: ['error', 'warn'],
  });
  const app = await startGateway(config, logger);
  console.log(`gateway listening on http://${config.HOST}:${config.PORT} (docs: /docs, portal: /portal/)`);
  return app;
});
