import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import { DomainError } from '@concord/domain';

/**
 * A query parameter a route does not document is refused (400 naming it):
 * `region=FR` on a search without that filter would otherwise return
 * everything as if it had been applied. The documented parameters (the
 * route's `@ApiQuery`s, which `ApiQueryFrom` writes from its zod schema) are
 * the accepted ones, so the OpenAPI document and the behaviour agree.
 */
@Injectable()
export class KnownQueryGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const query = context.switchToHttp().getRequest<{ query?: Record<string, unknown> }>().query ?? {};
    const names = Object.keys(query);
    if (names.length === 0) return true;
    const parameters =
      this.reflector.get<{ in?: string; name?: string }[]>(DECORATORS.API_PARAMETERS, context.getHandler()) ?? [];
    const known = new Set(parameters.filter((p) => p.in === 'query').map((p) => p.name));
    const unknown = names.filter((name) => !known.has(name));
    if (unknown.length === 0) return true;
    throw new DomainError(
      'validation.failed',
      `Unknown query parameter${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
      unknown.map((name) => ({
        path: name,
        code: 'unrecognized_keys',
        message: `No query parameter ${name} here${known.size ? `; known: ${[...known].join(', ')}` : ''}`,
      })),
    );
  }
}
