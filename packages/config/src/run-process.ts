import { ConfigError } from './index';

interface Closable {
  close(): Promise<unknown>;
}

/**
 * Runs a service process: starts it, and on SIGTERM / SIGINT closes it once
 * (the app drains NATS subscriptions and finishes in-flight requests), runs
 * `afterClose`, and exits 0. A configuration error prints its message, naming the variables,
 * and exits 1.
 */
export function runProcess(
  name: string,
  start: () => Promise<Closable>,
  /** Run after the app has closed, before the process exits (a tracer sending its last spans, ADR 0028). */
  afterClose?: () => Promise<unknown>,
): void {
  start()
    .then((app) => {
      let closing = false;
      const shutdown = async (signal: string) => {
        if (closing) return;
        closing = true;
        console.log(`${name}: ${signal}, draining NATS subscriptions and finishing in-flight requests`);
        await app.close();
        await afterClose?.();
        process.exit(0);
      };
      process.on('SIGTERM', () => void shutdown('SIGTERM'));
      process.on('SIGINT', () => void shutdown('SIGINT'));
    })
    .catch((error: unknown) => {
      console.error(error instanceof ConfigError ? error.message : error);
      process.exit(1);
    });
}
