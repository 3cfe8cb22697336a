import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { runProcess } from '@concord/config';
import { startApprovals } from './approvals.app';
import { loadApprovalsConfig } from './approvals.config';

runProcess('approvals', async () => {
  const config = loadApprovalsConfig();
  const logger = new ConsoleLogger('approvals', {
    json: process.env.LOG_FORMAT === 'json',
    logLevels: ['error', 'warn'],
  });
  const app = await startApprovals(config, logger);
  console.log(`approvals listening on NATS (namespace ${config.CONCORD_ENV})`);
  return app;
});
