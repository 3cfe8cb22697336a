import { randomUUID } from 'node:crypto';
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

/** Builds the gateway: Fastify, the routes, /openapi.json and /docs. Call `listen` to serve. */
export async function createGateway(
  config: GatewayConfig,
  options: { logger?: LoggerService | false; preview?: boolean } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: 1024 * 1024,
    clientErrorHandler: answerClientError,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.forConfig(config), adapter, {
    logger: options.logger ?? ['error', 'warn', 'log'],
    preview: options.preview,
    abortOnError: false,
  });
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
): Promise<NestFastifyApplication> {
  const app = await createGateway(config, { logger });
  await app.listen({ port: config.PORT, host: config.HOST });
  return app;
}
