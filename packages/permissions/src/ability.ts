import { AbilityBuilder, createMongoAbility, type ForcedSubject, type MongoAbility } from '@casl/ability';
import { agencyKind, isCreatorActor, type Actor, type CreatorStatusName, type Role } from '@concord/domain';

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
  | 'manage_milestones'
  | 'answer'
  | 'follow_up'
  | 'respond'
  | 'override'
  | 'override_vetting'
  | 'publish'
  | 'consent';

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

export interface CampaignFields {
  ownerAgencyId: string;
  partnerAgencyIds: string[];
}
export interface CampaignRequestFields {
  fromAgencyId: string;
  toAgencyId: string;
}

/** An assignment is seen through its campaign (owner, partners) and by its creator or their management company. */
export interface AssignmentFields {
  ownerAgencyId: string;
  partnerAgencyIds: string[];
  creatorId: string;
  managementCompanyId: string | null;
}

export type SubjectName =
  'Creator' | 'AuditTrail' | 'Agreement' | 'Campaign' | 'CampaignRequest' | 'AgencyTask' | 'Assignment' | 'Submission';
export type Subjects =
  | SubjectName
  | (CreatorFields & ForcedSubject<'Creator'>)
  | (AuditTrailFields & ForcedSubject<'AuditTrail'>)
  | (AgreementFields & ForcedSubject<'Agreement'>)
  | (CampaignFields & ForcedSubject<'Campaign'>)
  | (CampaignRequestFields & ForcedSubject<'CampaignRequest'>)
  | (CampaignRequestFields & ForcedSubject<'AgencyTask'>)
  | (AssignmentFields & ForcedSubject<'Assignment'>)
  | (AssignmentFields & ForcedSubject<'Submission'>);

export type AppAbility = MongoAbility<[Action, Subjects]>;

const LEAD_REGISTRY_WRITERS: Role[] = ['admin', 'registry_officer'];

/**
 * The one place that says who may do what, per agency kind and role.
 * The gateway asks it for coarse access; services ask it again on the object
 * and turn it into SQL for lists (see `sql-condition.ts`).
 */
export function abilityFor(actor: Actor): AppAbility {
  // An ability depends only on the agency, the roles and (for creators) the creator: build each once.
  const key = `${actor.orgId}\u0000${[...actor.roles].sort().join(',')}\u0000${actor.creatorId ?? ''}`;
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
  if (isCreatorActor(actor)) {
    // A creator sees their own assignments and answers them (creator autonomy);
    // a management company's user sees those of the creators it manages.
    can(['read', 'respond'], 'Assignment', { creatorId: actor.creatorId });
    can('read', 'Assignment', { managementCompanyId: actor.creatorId });
    // Their content: submit versions, withdraw, record where it went out and its reach.
    can(['read', 'submit', 'publish'], 'Submission', { creatorId: actor.creatorId });
    // Their management company's user may do the paperwork for them (submit, record publications and reach).
    can(['read', 'submit', 'publish'], 'Submission', { managementCompanyId: actor.creatorId });
    return build();
  }
  const kind = agencyKind(actor.orgId);
  // `creator` is no staff role: held by an agency's user, it grants nothing.
  const staffRoles: Role[] = actor.roles.filter((r) => r !== 'creator');
  const has = (...roles: Role[]) => roles.some((r) => staffRoles.includes(r));

  if (kind === 'lead') {
    if (staffRoles.length > 0) {
      can('read', 'Creator');
      can('read_restricted', 'Creator');
    }
    if (has(...LEAD_REGISTRY_WRITERS)) {
      can(['create', 'update', 'change_status', 'read_personal_data'], 'Creator');
    }
    // Setting a creator vetted against (or without) the vetting record is the legal officer's call.
    if (has('legal_officer')) can('override_vetting', 'Creator');
  }
  if (kind === 'partner' && staffRoles.length > 0) {
    can('read', 'Creator', { status: 'active' });
  }
  if (kind === 'lead' && staffRoles.length > 0) {
    // Agreements: each of the lead agency's roles reads its own agency's;
    // managers draft, legal officers decide, admins sign and end them.
    const own = { agencyId: actor.orgId };
    can('read', 'Agreement', own);
    if (has('admin', 'campaign_manager')) can(['create', 'update', 'submit'], 'Agreement', own);
    if (has('legal_officer')) can('legal_decision', 'Agreement', own);
    if (has('admin')) can(['sign', 'suspend', 'resume', 'terminate'], 'Agreement', own);
    if (has('finance_officer')) can('manage_milestones', 'Agreement', own);
  }
  if (kind === 'lead' && staffRoles.length > 0) {
    // Campaigns of the lead agency: every role reads them; managers run them (fanning briefs out, cancelling a fan-out).
    can('read', 'Campaign', { ownerAgencyId: actor.orgId });
    if (has('admin', 'campaign_manager'))
      can(['create', 'update', 'change_status'], 'Campaign', { ownerAgencyId: actor.orgId });
    // Joint campaign requests addressed to the lead agency: managers answer them.
    if (has('admin', 'campaign_manager')) can('answer', 'CampaignRequest', { toAgencyId: actor.orgId });
    // Assignments of its campaigns: every role follows them; managers fan briefs out and cancel them.
    can('read', 'Assignment', { ownerAgencyId: actor.orgId });
    if (has('admin', 'campaign_manager')) can('update', 'Assignment', { ownerAgencyId: actor.orgId });
    // Content of its campaigns: every role reads it (auditors included); legal officers override failed
    // checks; managers record publications. Who decides a stage is the workflow's (packages/domain approval).
    can('read', 'Submission', { ownerAgencyId: actor.orgId });
    if (has('legal_officer')) can('override', 'Submission', { ownerAgencyId: actor.orgId });
    if (has('admin', 'campaign_manager')) can('publish', 'Submission', { ownerAgencyId: actor.orgId });
  }
  if (kind === 'partner' && staffRoles.length > 0) {
    // Partner agencies see the campaigns they are partners in, and request joint ones.
    can('read', 'Campaign', { partnerAgencyIds: actor.orgId });
    // ... and the assignments of those campaigns (their progress; never fees or personal data).
    can('read', 'Assignment', { partnerAgencyIds: actor.orgId });
    // ... and the content of those joint campaigns, which they co-approve.
    can('read', 'Submission', { partnerAgencyIds: actor.orgId });
    if (has('liaison', 'admin')) can(['create', 'follow_up'], 'CampaignRequest', { fromAgencyId: actor.orgId });
    // ... and their liaison officers or admins consent to a workflow that leaves out their review.
    if (has('liaison', 'admin')) can('consent', 'Campaign', { partnerAgencyIds: actor.orgId });
  }
  if (kind && staffRoles.length > 0) {
    can('read', 'CampaignRequest', { fromAgencyId: actor.orgId });
    can('read', 'CampaignRequest', { toAgencyId: actor.orgId });
    // Agency tasks: any agency asks another for work; its coordinators ask and follow up, the other side's answer.
    can('read', 'AgencyTask', { fromAgencyId: actor.orgId });
    can('read', 'AgencyTask', { toAgencyId: actor.orgId });
    if (has('liaison', 'campaign_manager', 'admin')) {
      can(['create', 'follow_up'], 'AgencyTask', { fromAgencyId: actor.orgId });
      can('answer', 'AgencyTask', { toAgencyId: actor.orgId });
    }
  }
  if (kind && has('auditor', 'admin')) {
    can(['read', 'verify'], 'AuditTrail', { orgId: actor.orgId });
  }
  return build();
}
