import { ConsoleLogger, type LoggerService } from '@nestjs/common';
import { runProcess } from '@concord/config';
import type { ServiceName } from './service-module';

/**
 * A service's main: loads its configuration, starts it with a console logger
 * (errors and warnings; JSON when LOG_FORMAT=json) and runs it as a process
 * until SIGTERM or SIGINT (runProcess).
 */
export function runService<C extends { CONCORD_ENV: string }>(
  name: ServiceName,
  loadConfig: () => C,
  start: (config: C, logger: LoggerService) => Promise<{ close(): Promise<unknown> }>,
): void {
  runProcess(name, async () => {
    const config = loadConfig();
    const logger = new ConsoleLogger(name, { json: process.env.LOG_FORMAT === 'json', logLevels: ['error', 'warn'] });
    const app = await start(config, logger);
    console.log(`${name} listening on NATS (namespace ${config.CONCORD_ENV})`);
    return app;
  });
}
