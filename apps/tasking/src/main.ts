import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { runProcess } from '@concord/config';
import { startTasking } from './tasking.app';
import { loadTaskingConfig } from './tasking.config';

runProcess('tasking', async () => {
  const config = loadTaskingConfig();
  const logger = new ConsoleLogger('tasking', {
    json: process.env.LOG_FORMAT === 'json',
    logLevels: ['error', 'warn'],
  });
  const app = await startTasking(config, logger);
  console.log(`tasking listening on NATS (namespace ${config.CONCORD_ENV})`);
  return app;
});
