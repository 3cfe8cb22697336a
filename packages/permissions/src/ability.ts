import { AbilityBuilder, createMongoAbility, type ForcedSubject, type MongoAbility } from '@casl/ability';
import { agencyKind, type Actor, type CreatorStatusName, type Role } from '@concord/domain';

/** What can be done. `read_restricted` covers vetting notes and incidents. */
export type Action =
  | 'create'
  | 'read'
  | 'read_restricted'
  | 'read_personal_data'
  | 'update'
  | 'change_status'
  | 'verify'
  | 'submit'
  | 'legal_decision'
  | 'sign'
  | 'suspend'
  | 'resume'
  | 'terminate'
  | 'manage_milestones';

/** The fields rules may test, per subject. */
export interface CreatorFields {
  status: CreatorStatusName;
}
export interface AuditTrailFields {
  orgId: string;
}
export interface AgreementFields {
  agencyId: string;
}

export type SubjectName = 'Creator' | 'AuditTrail' | 'Agreement';
export type Subjects =
  | SubjectName
  | (CreatorFields & ForcedSubject<'Creator'>)
  | (AuditTrailFields & ForcedSubject<'AuditTrail'>)
  | (AgreementFields & ForcedSubject<'Agreement'>);

export type AppAbility = MongoAbility<[Action, Subjects]>;

const LEAD_REGISTRY_WRITERS: Role[] = ['admin', 'registry_officer'];

/**
 * The one place that says who may do what, per agency kind and role.
 * The gateway asks it for coarse access; services ask it again on the object
 * and turn it into SQL for lists (see `sql-condition.ts`).
 */
export function abilityFor(actor: Actor): AppAbility {
  // An ability depends only on the agency and the roles: build each once.
  const key = `${actor.orgId}\u0000${[...actor.roles].sort().join(',')}`;
  let ability = built.get(key);
  if (!ability) {
    if (built.size >= 1000) built.clear();
    ability = buildAbility(actor);
    built.set(key, ability);
  }
  return ability;
}

const built = new Map<string, AppAbility>();

function buildAbility(actor: Actor): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  const kind = agencyKind(actor.orgId);
  const has = (...roles: Role[]) => roles.some((r) => actor.roles.includes(r));

  if (kind === 'lead') {
    if (actor.roles.length > 0) {
      can('read', 'Creator');
      can('read_restricted', 'Creator');
    }
    if (has(...LEAD_REGISTRY_WRITERS)) {
      can(['create', 'update', 'change_status', 'read_personal_data'], 'Creator');
    }
  }
  if (kind === 'partner' && actor.roles.length > 0) {
    can('read', 'Creator', { status: 'active' });
  }
  if (kind === 'lead' && actor.roles.length > 0) {
    // Agreements: each of the lead agency's roles reads its own agency's;
    // managers draft, legal officers decide, admins sign and end them.
    const own = { agencyId: actor.orgId };
    can('read', 'Agreement', own);
    if (has('admin', 'campaign_manager')) can(['create', 'update', 'submit'], 'Agreement', own);
    if (has('legal_officer')) can('legal_decision', 'Agreement', own);
    if (has('admin')) can(['sign', 'suspend', 'resume', 'terminate'], 'Agreement', own);
    if (has('finance_officer')) can('manage_milestones', 'Agreement', own);
  }
  if (kind && has('auditor', 'admin')) {
    can(['read', 'verify'], 'AuditTrail', { orgId: actor.orgId });
  }
  return build();
}
