import { CREATORS_ORG, REVIEWING_ROLES, type Actor, type Role } from '@concord/domain';
import { abilityFor, type Action, type AppAbility, type SubjectName } from '@concord/permissions';
import type { Schemas } from '../api/client';

export type Me = Schemas['Me'];
export type { Action, AppAbility, SubjectName };

/** The actor `/v1/me` describes, as `packages/permissions` reads it. */
export function actorOf(me: Me): Actor {
  return {
    userId: me.user.id,
    orgId: me.agency?.id ?? (me.creator ? CREATORS_ORG : ''),
    roles: me.roles as Role[],
    ...(me.creator ? { creatorId: me.creator.id } : {}),
  };
}

/** What the signed-in user may do: the same rules the gateway and services apply. */
export function abilityOf(me: Me): AppAbility {
  return abilityFor(actorOf(me));
}

/** Roles that review content at some stage of a workflow (admins also get escalated stages). */
const REVIEWING: ReadonlySet<string> = new Set(REVIEWING_ROLES);

/** Whether the user reviews content at some stage (an agency's reviewing roles). */
export function reviews(me: { agency: unknown; roles: readonly string[] }): boolean {
  return me.agency !== null && me.roles.some((role) => REVIEWING.has(role));
}
