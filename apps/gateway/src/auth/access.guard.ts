import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@concord/domain';
import { abilityFor, roleMayNot } from '@concord/permissions';
import { ROUTE_ACCESS, type RouteAccess } from './access.decorators';
import { IS_PUBLIC, type AuthenticatedRequest } from './auth.decorators';

/**
 * Runs after the AuthGuard: a route's declared access (access.decorators.ts), checked before anything else happens.
 * A route that declares nothing is refused (closed by default; the lint rule concord/route-declares-access finds it
 * before it ships).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly log = new Logger('AccessGuard');

  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, targets);
    if (!access) {
      this.log.error(`${context.getClass().name}.${context.getHandler().name} declares no access: refused`);
      throw new DomainError('auth.forbidden', 'This route declares no access and is refused');
    }
    if (access.kind === 'service') return true;
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (!actor || !abilityFor(actor).can(access.action, access.subject)) {
      throw roleMayNot(access.action, access.subject);
    }
    return true;
  }
}
