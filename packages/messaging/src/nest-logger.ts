import type { LoggerService } from '@nestjs/common';
import { Logger, PinoLogger } from 'nestjs-pino';
import type { Logger as Pino } from 'pino';

/**
 * Nest's messages (start-up, warnings, errors) as JSON lines of `log`, through nestjs-pino: each with its context
 * (`context`) and, inside a request, its request id (ADR 0025).
 */
export function nestLogger(log: Pino): LoggerService {
  const params = { pinoHttp: { logger: log }, renameContext: 'context' };
  return new Logger(new PinoLogger(params), params);
}
