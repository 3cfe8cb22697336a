import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The portal's Content-Security-Policy: only its own scripts, styles and
 * API (Vite emits no inline script; React sets styles through the CSSOM,
 * which CSP allows), no plugins, and no page may frame it.
 */
export const PORTAL_CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Swagger UI (/docs) writes its own inline styles and data: images; it still runs no inline script. */
const DOCS_CSP = serialise({ ...PORTAL_CSP, 'style-src': ["'self'", "'unsafe-inline'"] });

function serialise(policy: Record<string, string[]>): string {
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * Security headers on every response, API and portal alike (helmet): CSP,
 * `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`,
 * frame-ancestors 'none' (and `X-Frame-Options: DENY` for old browsers),
 * HSTS (browsers heed it only over HTTPS, so it takes effect when the
 * gateway is behind TLS and costs nothing before). CORS stays closed —
 * no `Access-Control-Allow-Origin` for anyone — unless `CORS_ORIGINS`
 * names the origins a ministry's web application calls from.
 */
export async function registerSecurityHeaders(
  app: NestFastifyApplication,
  corsOrigins: readonly string[],
): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: PORTAL_CSP },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (request.url === '/docs' || request.url.startsWith('/docs/')) reply.header('content-security-policy', DOCS_CSP);
    return payload;
  });
  if (corsOrigins.length > 0) {
    await app.register(fastifyCors, {
      origin: [...corsOrigins],
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match', 'if-none-match', 'x-request-id'],
      exposedHeaders: ['etag', 'location', 'retry-after', 'idempotent-replayed', 'x-request-id'],
      maxAge: 600,
    });
  }
}
