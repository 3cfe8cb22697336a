import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CREATORS_ORG, DomainError, findAgency, isCreatorActor } from '@concord/domain';
import { IS_PUBLIC, type AuthenticatedRequest } from './auth.decorators';
import { TokenVerifier } from './token-verifier';

/** Every route needs a verified bearer token unless marked @Public(): of an agency's staff, or of a creator. */
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
    // Staff of a known agency, or a creator bound to their registry record; nobody else.
    if (!findAgency(actor.orgId) && !isCreatorActor(actor)) {
      throw new DomainError(
        'auth.forbidden',
        actor.orgId === CREATORS_ORG
          ? 'A creator token needs the role creator and the creator claim (the registry id)'
          : `Agency ${actor.orgId} is not known to Concord`,
      );
    }
    request.actor = actor;
    return true;
  }
}
