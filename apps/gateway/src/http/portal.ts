import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainError } from '@concord/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where the admin portal (apps/portal) is served. */
export const PORTAL_PATH = '/portal/';

/**
 * Serves the built admin portal (apps/portal/dist) at /portal/: its files as
 * they are (hashed assets cached for a year, index.html never), and
 * index.html for any other path under /portal/, where the portal's own router
 * takes over. `/` leads there. The API (/v1, /health, /docs, /openapi.json)
 * is untouched, and a missing asset is still a 404. Returns false, serving
 * nothing, when the portal has not been built.
 */
export async function servePortal(app: NestFastifyApplication, dir: string): Promise<boolean> {
  if (!existsSync(join(dir, 'index.html'))) return false;
  await app.register(
    async (scope: FastifyInstance) => {
      // The portal's files go out compressed (brotli or gzip, as the browser accepts): the initial JS is ~450 kB raw, ~145 kB gzip.
      await scope.register(fastifyCompress, { encodings: ['br', 'gzip'], threshold: 1024 });
      await scope.register(fastifyStatic, {
        root: dir,
        prefix: '/',
        cacheControl: false,
        setHeaders: (reply: FastifyReply, path: string) => {
          // Vite names assets by their content: a changed file has a new name.
          const immutable = /[\\/]assets[\\/][^\\/]+$/.test(path);
          reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
      // /portal and /portal/: the app itself.
      scope.get('/', (request: FastifyRequest, reply: FastifyReply) =>
        request.url === PORTAL_PATH.slice(0, -1) ? reply.redirect(PORTAL_PATH) : sendIndex(reply),
      );
      // Any other path that is not a file is one of the portal's pages.
      scope.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
        const page =
          (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith(`${PORTAL_PATH}assets/`);
        if (page) return sendIndex(reply);
        const problem = new DomainError('not_found', `No such file: ${request.url}`).toProblem();
        return reply
          .code(404)
          .type('application/problem+json; charset=utf-8')
          .send({ ...problem, status: 404 });
      });
    },
    { prefix: PORTAL_PATH.slice(0, -1) },
  );
  app
    .getHttpAdapter()
    .getInstance()
    .get('/', (_request: FastifyRequest, reply: FastifyReply) => reply.redirect(PORTAL_PATH));
  return true;
}

function sendIndex(reply: FastifyReply) {
  return reply.header('cache-control', 'no-cache').sendFile('index.html');
}
