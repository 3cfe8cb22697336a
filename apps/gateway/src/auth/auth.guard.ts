import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, findAgency } from '@concord/domain';
import { IS_PUBLIC, type AuthenticatedRequest } from './auth.decorators';
import { TokenVerifier } from './token-verifier';

/** Every route needs a verified bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : null;
    if (!token) throw new DomainError('auth.unauthenticated', 'Send a bearer token: Authorization: Bearer <token>');
    const actor = await this.verifier.verify(token);
    if (!actor) throw new DomainError('auth.unauthenticated', 'The bearer token is not valid or has expired');
    if (!findAgency(actor.orgId)) throw new DomainError('auth.forbidden', `Agency ${actor.orgId} is not known to Concord`);
    request.actor = actor;
    return true;
  }
}
