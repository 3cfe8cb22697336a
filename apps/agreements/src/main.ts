import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { runProcess } from '@concord/config';
import { startAgreements } from './agreements.app';
import { loadAgreementsConfig } from './agreements.config';

runProcess('agreements', async () => {
  const config = loadAgreementsConfig();
  const logger = new ConsoleLogger('agreements', {
    json: process.env.LOG_FORMAT === 'json',
    logLevels: ['error', 'warn'],
  });
  const app = await startAgreements(config, logger);
  console.log(`agreements listening on NATS (namespace ${config.CONCORD_ENV})`);
  return app;
});
