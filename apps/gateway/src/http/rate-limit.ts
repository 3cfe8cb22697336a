import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainError } from '@concord/domain';

/** Public and sign-in routes: per client address, per minute. */
export const PUBLIC_RATE_LIMIT = { max: 120, timeWindow: '1 minute' };
export const AUTH_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };

/** Rate limits only where a route asks for one (`@RouteConfig({ rateLimit })`); a refusal is problem+json 429. */
export async function registerRateLimits(app: NestFastifyApplication): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request: unknown, context: { after: string; max: number }) => {
      const problem = new DomainError(
        'rate_limited',
        `Too many requests: at most ${context.max} a minute; retry in ${context.after}`,
      ).toProblem();
      return Object.assign(new Error(problem.detail), { statusCode: 429, problem });
    },
  });
}
