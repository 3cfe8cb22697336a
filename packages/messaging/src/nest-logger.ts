import type { LoggerService } from '@nestjs/common';
import { Logger, PinoLogger } from 'nestjs-pino';
import type { Logger as Pino } from 'pino';

/**
 * nestjs-pino's PinoLogger writing to the pino logger it is given. nestjs-pino keeps one root logger per process (the
 * first one made); the gateway and the services started in one process (the end-to-end tests) each have their own.
 */
class OwnPinoLogger extends PinoLogger {
  constructor(private readonly own: Pino) {
    super({ pinoHttp: { logger: own }, renameContext: 'context' });
  }

  override get logger(): Pino {
    return this.own;
  }
}

/** nestjs-pino's Logger, with Nest's chatter (`log`: starting, each route mapped, each module loaded) at `debug`. */
class NestPinoLogger extends Logger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    this.debug(message, ...optionalParams);
  }
}

/**
 * Nest's messages as JSON lines of `log`, through nestjs-pino: each with its context (`context`) and, inside a
 * request, its request id (ADR 0025). Warnings and errors show at the default level (`info`), as they did before
 * pino; Nest's start-up messages only at `debug`.
 */
export function nestLogger(log: Pino): LoggerService {
  return new NestPinoLogger(new OwnPinoLogger(log), { renameContext: 'context' });
}
