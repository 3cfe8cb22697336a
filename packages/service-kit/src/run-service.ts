import type { LoggerService } from '@nestjs/common';
import { runProcess } from '@concord/config';
import { createLogger, nestLogger } from '@concord/messaging';
import type { ServiceName } from './service-module';

/**
 * A service's main: loads its configuration, starts it with a JSON logger on stdout (pino through nestjs-pino, at
 * LOG_LEVEL; ADR 0025) and runs it as a process until SIGTERM or SIGINT (runProcess).
 */
export function runService<C extends { CONCORD_ENV: string; LOG_LEVEL?: string }>(
  name: ServiceName,
  loadConfig: () => C,
  start: (config: C, logger: LoggerService) => Promise<{ close(): Promise<unknown> }>,
  /** The process's tracing (its `tracing.ts`, started before anything loaded; ADR 0028): flushed at exit. */
  tracing?: { shutdown(): Promise<void> },
): void {
  runProcess(
    name,
    async () => {
      const config = loadConfig();
      const log = createLogger({ service: name, level: config.LOG_LEVEL });
      const app = await start(config, nestLogger(log));
      log.info(`${name} listening on NATS (namespace ${config.CONCORD_ENV})`);
      return app;
    },
    () => tracing?.shutdown() ?? Promise.resolve(),
  );
}
