import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@concord/domain';
import { abilityFor, type SubjectName } from '@concord/permissions';
import { ROUTE_ACCESS, type RouteAccess } from './access.decorators';
import { IS_PUBLIC, type AuthenticatedRequest } from './auth.decorators';

const NOUNS: Record<SubjectName, string> = {
  Creator: 'creators',
  AuditTrail: 'the audit trail',
  Agreement: 'agreements',
  Campaign: 'campaigns',
  CampaignRequest: 'campaign requests',
  AgencyTask: 'agency tasks',
  Assignment: 'assignments',
  Submission: 'content submissions',
};

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
      throw new DomainError(
        'auth.forbidden',
        `Your role may not ${access.action.replace(/_/g, ' ')} ${NOUNS[access.subject]}`,
      );
    }
    return true;
  }
}
