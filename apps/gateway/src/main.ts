import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { runProcess } from '@concord/config';
import { startGateway } from './gateway.app';
import { loadGatewayConfig } from './gateway.config';

runProcess('gateway', async () => {
  const config = loadGatewayConfig();
  const logger = new ConsoleLogger('gateway', { json: process.env.LOG_FORMAT === 'json', logLevels: ['error', 'warn'] });
  const app = await startGateway(config, logger);
  console.log(`gateway listening on http://${config.HOST}:${config.PORT} (docs: /docs)`);
  return app;
});
