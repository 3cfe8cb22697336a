import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { ConfigError } from '@concord/config';
import { startGateway } from './gateway.app';
import { loadGatewayConfig } from './gateway.config';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const logger = new ConsoleLogger('gateway', { json: process.env.LOG_FORMAT === 'json', logLevels: ['error', 'warn'] });
  const app = await startGateway(config, logger);
  console.log(`gateway listening on http://${config.HOST}:${config.PORT} (docs: /docs)`);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`gateway: ${signal}, finishing in-flight requests`);
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
