import { tracing } from './tracing';
import 'reflect-metadata';
import { join } from 'node:path';
import { runProcess } from '@concord/config';
import { createLogger, nestLogger } from '@concord/messaging';
import { startGateway } from './gateway.app';
import { loadGatewayConfig } from './gateway.config';

runProcess(
  'gateway',
  async () => {
    const loaded = loadGatewayConfig();
    // The admin portal is built beside the gateway (apps/portal/dist) unless PORTAL_DIR names another place.
    const config = { ...loaded, PORTAL_DIR: loaded.PORTAL_DIR ?? join(__dirname, '..', '..', 'portal', 'dist') };
    // JSON lines on stdout at LOG_LEVEL (ADR 0025).
    const log = createLogger({ service: 'gateway', level: config.LOG_LEVEL });
    const app = await startGateway(config, nestLogger(log), log);
    log.info(`gateway listening on http://${config.HOST}:${config.PORT} (docs: /docs, portal: /portal/)`);
    return app;
  },
  tracing.shutdown,
);
