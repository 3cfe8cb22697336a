import { Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { DomainError } from '@concord/domain';
import type { ActorProofVerifier } from './actor-proof';

/**
 * The one door of a service: every request handler runs only after this
 * guard found the envelope's actor proven (ADR 0014). A missing, expired
 * or forged proof is refused with `actor.unproven` before any handler code
 * runs, so nothing is read, written or audited; the attempt is logged with
 * the subject, the actor claimed, the issuer named and why.
 * Registered by each service's bootstrap (`app.useGlobalGuards`).
 */
export class ActorProofGuard implements CanActivate {
  private readonly logger = new Logger('ActorProof');

  constructor(private readonly verifier: ActorProofVerifier) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'rpc') return true;
    const rpc = context.switchToRpc();
    const wireSubject = rpc.getContext<NatsContext>().getSubject();
    const envelope: unknown = rpc.getData();
    const verdict = this.verifier.verify(wireSubject, envelope);
    if (verdict.proven) return true;
    this.logger.warn(
      `refused a request on ${wireSubject}: actor ${claimedActor(envelope)}, issuer ${verdict.issuer ?? '(none)'}: ${verdict.reason}`,
    );
    throw new DomainError(
      'actor.unproven',
      `The request's actor is not proven (${verdict.reason}); nothing was done`,
      [],
      { reason: verdict.reason },
    );
  }
}

/** The actor a refused envelope claims, for the log: never trusted, so quoted and cut short. */
function claimedActor(envelope: unknown): string {
  const actor = (envelope as { actor?: { userId?: unknown; orgId?: unknown } } | null)?.actor;
  const quote = (v: unknown) => JSON.stringify(typeof v === 'string' ? v.slice(0, 80) : (v ?? null));
  return `${quote(actor?.userId)} of ${quote(actor?.orgId)}`;
}
