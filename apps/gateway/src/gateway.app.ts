import { Logger, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { GatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { buildOpenApiDocument } from './openapi/document';
import { registerRateLimits } from './http/rate-limit';
import { registerSecurityHeaders } from './http/security-headers';
import { servePortal } from './http/portal';
import { answerClientError } from './http/client-error';
import { DOCUMENT_MAX_BYTES } from '@concord/domain';
import { createLogger, nestLogger, ProcessMetrics, type PinoLogger } from '@concord/messaging';
import { registerRequestIds, RequestContextInterceptor, requestIdOf } from './http/request-id';
import { registerConditionalGets } from './http/conditional-get';

/**
 * Builds the gateway: Fastify, the routes, /openapi.json and /docs. Call `listen` to serve. It logs JSON lines with
 * pino (`log`, else one on stdout at LOG_LEVEL; none when `logger` is false and no `log` is given, as in tests): one
 * per request, and Nest's own messages through nestjs-pino unless `logger` says otherwise (ADR 0025).
 */
export async function createGateway(
  config: GatewayConfig,
  options: { logger?: LoggerService | false; preview?: boolean; log?: PinoLogger } = {},
): Promise<NestFastifyApplication> {
  const log =
    options.log ?? createLogger({ service: 'gateway', level: options.logger === false ? 'silent' : config.LOG_LEVEL });
  const adapter = new FastifyAdapter({
    bodyLimit: 1024 * 1024,
    clientErrorHandler: answerClientError,
    genReqId: requestIdOf,
  });
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.forConfig(config), adapter, {
    logger: options.logger ?? nestLogger(log),
    preview: options.preview,
    abortOnError: false,
  });
  registerRequestIds(app, log, options.preview ? undefined : app.get(ProcessMetrics));
  registerConditionalGets(app);
  app.useGlobalInterceptors(new RequestContextInterceptor());
  await registerSecurityHeaders(app, config.CORS_ORIGINS);
  await registerRateLimits(app);
  // Documents arrive as the file itself: any body that is not JSON is read as bytes, up to a little above the limit
  // (the agreements service gives the clear error for a file too large).
  app.useBodyParser('*', { bodyLimit: DOCUMENT_MAX_BYTES + 64 * 1024 }, (_req, body, done) => done(null, body));
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
    customSiteTitle: 'Concord API',
  });
  if (config.PORTAL_DIR && !(await servePortal(app, config.PORTAL_DIR))) {
    new Logger('Portal').warn(
      `The admin portal is not built (no index.html in ${config.PORTAL_DIR}); /portal/ is not served. Run: npm run build`,
    );
  }
  return app;
}

/** Starts the gateway on HOST:PORT. */
export async function startGateway(
  config: GatewayConfig,
  logger?: LoggerService | false,
  log?: PinoLogger,
): Promise<NestFastifyApplication> {
  const app = await createGateway(config, { logger, log });
  await app.listen({ port: config.PORT, host: config.HOST });
  return app;
}
