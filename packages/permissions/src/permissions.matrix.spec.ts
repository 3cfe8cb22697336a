import { describe, expect, it } from '@jest/globals';
import { CREATOR_STATUSES, CREATORS_ORG, ROLES, type CreatorStatusName, type Role } from '@concord/domain';
import { abilityFor, subject, type Action } from './index';

/**
 * The intended permission matrix, written out by hand. Each row is one
 * (agency, roles, action, target) question and the answer a user must get.
 */

/** Roles an agency's staff hold; `creator` is for creators signing in as themselves (below). */
type StaffRole = Exclude<Role, 'creator'>;
const STAFF_ROLES = ROLES.filter((r): r is StaffRole => r !== 'creator');

const LEAD = 'mcst-ttcs';
const PARTNERS = ['mofa', 'hcmc-info', 'hanoi-tourism'] as const;
const UNKNOWN = 'some-other-ministry';

const CREATOR_ACTIONS: Action[] = [
  'create',
  'update',
  'change_status',
  'read_personal_data',
  'read',
  'read_restricted',
  'override_vetting',
];

/** Lead agency, per role: the Creator actions allowed (on a creator of any status). */
const LEAD_CREATOR_ALLOWED: Record<StaffRole, Action[]> = {
  admin: ['create', 'update', 'change_status', 'read_personal_data', 'read', 'read_restricted'],
  registry_officer: ['create', 'update', 'change_status', 'read_personal_data', 'read', 'read_restricted'],
  campaign_manager: ['read', 'read_restricted'],
  reviewer: ['read', 'read_restricted'],
  legal_officer: ['read', 'read_restricted', 'override_vetting'],
  finance_officer: ['read', 'read_restricted'],
  auditor: ['read', 'read_restricted'],
  liaison: ['read', 'read_restricted'],
};

/** Partner agencies, any role: only `read`, and only of active creators. */
const PARTNER_CREATOR_ALLOWED: Record<CreatorStatusName, Action[]> = {
  prospect: [],
  vetted: [],
  active: ['read'],
  suspended: [],
  offboarded: [],
};

/** Any agency, per role: may read and verify its own audit trail. */
const AUDIT_TRAIL_ROLES: Record<StaffRole, boolean> = {
  admin: true,
  registry_officer: false,
  campaign_manager: false,
  reviewer: false,
  legal_officer: false,
  finance_officer: false,
  auditor: true,
  liaison: false,
};

const AGREEMENT_ACTIONS: Action[] = [
  'read',
  'create',
  'update',
  'submit',
  'legal_decision',
  'sign',
  'suspend',
  'resume',
  'terminate',
  'manage_milestones',
];

/** Lead agency, per role: the Agreement actions allowed, on its own agency's agreements only. */
const LEAD_AGREEMENT_ALLOWED: Record<StaffRole, Action[]> = {
  admin: ['read', 'create', 'update', 'submit', 'sign', 'suspend', 'resume', 'terminate'],
  registry_officer: ['read'],
  campaign_manager: ['read', 'create', 'update', 'submit'],
  reviewer: ['read'],
  legal_officer: ['read', 'legal_decision'],
  finance_officer: ['read', 'manage_milestones'],
  auditor: ['read'],
  liaison: ['read'],
};

interface Row {
  name: string;
  orgId: string;
  roles: Role[];
  action: Action;
  target: () => Parameters<ReturnType<typeof abilityFor>['can']>[1];
  expected: boolean;
}

const rows: Row[] = [];
const creator = (status: CreatorStatusName) => () => subject('Creator', { status });
const auditTrail = (orgId: string) => () => subject('AuditTrail', { orgId });
const agreement = (agencyId: string) => () => subject('Agreement', { agencyId });
const verdict = (b: boolean) => (b ? 'may' : 'may not');

// Creators, lead agency: every role × action × status.
for (const role of STAFF_ROLES) {
  for (const action of CREATOR_ACTIONS) {
    for (const status of CREATOR_STATUSES) {
      const expected = LEAD_CREATOR_ALLOWED[role].includes(action);
      rows.push({
        name: `lead ${role} ${verdict(expected)} ${action} a ${status} Creator`,
        orgId: LEAD,
        roles: [role],
        action,
        target: creator(status),
        expected,
      });
    }
  }
}

// Creators, partner agencies: every agency × role × action × status.
for (const orgId of PARTNERS) {
  for (const role of STAFF_ROLES) {
    for (const action of CREATOR_ACTIONS) {
      for (const status of CREATOR_STATUSES) {
        const expected = PARTNER_CREATOR_ALLOWED[status].includes(action);
        rows.push({
          name: `partner ${orgId} ${role} ${verdict(expected)} ${action} a ${status} Creator`,
          orgId,
          roles: [role],
          action,
          target: creator(status),
          expected,
        });
      }
    }
  }
}

// Creators: an unknown agency, and a user without roles, get nothing.
for (const action of CREATOR_ACTIONS) {
  for (const status of CREATOR_STATUSES) {
    rows.push({
      name: `unknown-agency admin may not ${action} a ${status} Creator`,
      orgId: UNKNOWN,
      roles: ['admin', 'registry_officer'],
      action,
      target: creator(status),
      expected: false,
    });
    for (const orgId of [LEAD, ...PARTNERS]) {
      rows.push({
        name: `${orgId} user with no roles may not ${action} a ${status} Creator`,
        orgId,
        roles: [],
        action,
        target: creator(status),
        expected: false,
      });
    }
  }
}

// Audit trail: every agency × role × read/verify × own/other agency.
for (const orgId of [LEAD, ...PARTNERS]) {
  const other = orgId === LEAD ? 'mofa' : LEAD;
  for (const role of STAFF_ROLES) {
    for (const action of ['read', 'verify'] as Action[]) {
      const own = AUDIT_TRAIL_ROLES[role];
      rows.push({
        name: `${orgId} ${role} ${verdict(own)} ${action} its own AuditTrail`,
        orgId,
        roles: [role],
        action,
        target: auditTrail(orgId),
        expected: own,
      });
      rows.push({
        name: `${orgId} ${role} may not ${action} the AuditTrail of ${other}`,
        orgId,
        roles: [role],
        action,
        target: auditTrail(other),
        expected: false,
      });
    }
  }
}
for (const action of ['read', 'verify'] as Action[]) {
  rows.push({
    name: `unknown-agency auditor may not ${action} its own AuditTrail`,
    orgId: UNKNOWN,
    roles: ['auditor', 'admin'],
    action,
    target: auditTrail(UNKNOWN),
    expected: false,
  });
  for (const orgId of [LEAD, ...PARTNERS]) {
    rows.push({
      name: `${orgId} user with no roles may not ${action} its own AuditTrail`,
      orgId,
      roles: [],
      action,
      target: auditTrail(orgId),
      expected: false,
    });
  }
}

// Agreements: every agency × role × action × own/other agency. Only the lead
// agency has agreement rights, and only on its own agency's agreements;
// partner agencies have none yet.
for (const orgId of [LEAD, ...PARTNERS]) {
  const others = [orgId === 'mofa' ? LEAD : 'mofa', 'other-lead'];
  for (const role of STAFF_ROLES) {
    for (const action of AGREEMENT_ACTIONS) {
      const own = orgId === LEAD && LEAD_AGREEMENT_ALLOWED[role].includes(action);
      rows.push({
        name: `${orgId} ${role} ${verdict(own)} ${action} its own Agreement`,
        orgId,
        roles: [role],
        action,
        target: agreement(orgId),
        expected: own,
      });
      for (const other of others) {
        rows.push({
          name: `${orgId} ${role} may not ${action} an Agreement of ${other}`,
          orgId,
          roles: [role],
          action,
          target: agreement(other),
          expected: false,
        });
      }
    }
  }
}
// Agreements: roles combine, each adding its own rights and no others.
const AGREEMENT_ROLE_MIXES: { orgId: string; roles: Role[]; allowed: Action[] }[] = [
  { orgId: LEAD, roles: ['reviewer', 'legal_officer'], allowed: ['read', 'legal_decision'] },
  {
    orgId: LEAD,
    roles: ['campaign_manager', 'legal_officer'],
    allowed: ['read', 'create', 'update', 'submit', 'legal_decision'],
  },
  {
    orgId: LEAD,
    roles: ['admin', 'legal_officer'],
    allowed: AGREEMENT_ACTIONS.filter((a) => a !== 'manage_milestones'),
  },
  { orgId: LEAD, roles: ['finance_officer', 'auditor'], allowed: ['read', 'manage_milestones'] },
  { orgId: 'mofa', roles: ['admin', 'campaign_manager', 'legal_officer'], allowed: [] },
];
for (const { orgId, roles, allowed } of AGREEMENT_ROLE_MIXES) {
  for (const action of AGREEMENT_ACTIONS) {
    const expected = allowed.includes(action);
    rows.push({
      name: `${orgId} ${roles.join('+')} ${verdict(expected)} ${action} its own Agreement`,
      orgId,
      roles,
      action,
      target: agreement(orgId),
      expected,
    });
    rows.push({
      name: `${orgId} ${roles.join('+')} may not ${action} an Agreement of other-lead`,
      orgId,
      roles,
      action,
      target: agreement('other-lead'),
      expected: false,
    });
  }
}

// Agreements: an unknown agency, and a user without roles, get nothing.
for (const action of AGREEMENT_ACTIONS) {
  rows.push({
    name: `unknown-agency admin may not ${action} its own Agreement`,
    orgId: UNKNOWN,
    roles: ['admin', 'campaign_manager', 'legal_officer'],
    action,
    target: agreement(UNKNOWN),
    expected: false,
  });
  for (const orgId of [LEAD, ...PARTNERS]) {
    rows.push({
      name: `${orgId} user with no roles may not ${action} its own Agreement`,
      orgId,
      roles: [],
      action,
      target: agreement(orgId),
      expected: false,
    });
  }
}

const CAMPAIGN_ACTIONS: Action[] = ['read', 'create', 'update', 'change_status', 'consent'];

/** Lead agency, per role: the Campaign actions allowed, on campaigns its own agency owns only. */
const LEAD_CAMPAIGN_ALLOWED: Record<StaffRole, Action[]> = {
  admin: ['read', 'create', 'update', 'change_status'],
  registry_officer: ['read'],
  campaign_manager: ['read', 'create', 'update', 'change_status'],
  reviewer: ['read'],
  legal_officer: ['read'],
  finance_officer: ['read'],
  auditor: ['read'],
  liaison: ['read'],
};

const campaign = (ownerAgencyId: string, partnerAgencyIds: string[]) => () =>
  subject('Campaign', { ownerAgencyId, partnerAgencyIds: [...partnerAgencyIds] });
const listed = (ids: string[]) => (ids.length ? `[${ids.join(',')}]` : '[]');

// Campaigns, lead agency: every role × action × own/other owner × partner lists.
// Being listed as a partner gives the lead agency nothing on another agency's campaign.
for (const role of STAFF_ROLES) {
  for (const action of CAMPAIGN_ACTIONS) {
    const own = LEAD_CAMPAIGN_ALLOWED[role].includes(action);
    for (const partners of [[], ['mofa'], ['mofa', 'hcmc-info', 'hanoi-tourism']]) {
      rows.push({
        name: `lead ${role} ${verdict(own)} ${action} its own Campaign with partners ${listed(partners)}`,
        orgId: LEAD,
        roles: [role],
        action,
        target: campaign(LEAD, partners),
        expected: own,
      });
    }
    for (const other of ['mofa', 'other-lead']) {
      for (const partners of [[], [LEAD], ['hcmc-info', LEAD, 'hanoi-tourism']]) {
        rows.push({
          name: `lead ${role} may not ${action} a Campaign of ${other} with partners ${listed(partners)}`,
          orgId: LEAD,
          roles: [role],
          action,
          target: campaign(other, partners),
          expected: false,
        });
      }
    }
  }
}

// Campaigns, partner agencies: every agency × role × action × partner lists.
// Any role reads a campaign that lists its agency as a partner; nobody writes; liaison officers and
// admins consent to a workflow that leaves out their review.
for (const orgId of PARTNERS) {
  const otherPartners = PARTNERS.filter((p) => p !== orgId);
  const lists: { partners: string[]; member: boolean }[] = [
    { partners: [], member: false },
    { partners: [orgId], member: true },
    { partners: [otherPartners[0]], member: false },
    { partners: [...otherPartners], member: false },
    { partners: [otherPartners[0], orgId, otherPartners[1]], member: true },
    { partners: [...otherPartners, orgId], member: true },
    { partners: [LEAD, 'other-lead'], member: false },
  ];
  for (const role of STAFF_ROLES) {
    for (const action of CAMPAIGN_ACTIONS) {
      for (const { partners, member } of lists) {
        const expected =
          member && (action === 'read' || (action === 'consent' && (role === 'liaison' || role === 'admin')));
        rows.push({
          name: `partner ${orgId} ${role} ${verdict(expected)} ${action} a Campaign of ${LEAD} with partners ${listed(partners)}`,
          orgId,
          roles: [role],
          action,
          target: campaign(LEAD, partners),
          expected,
        });
      }
      const listedAllows = action === 'read' || (action === 'consent' && (role === 'liaison' || role === 'admin'));
      // Owning a campaign is not being its partner.
      rows.push({
        name: `partner ${orgId} ${role} may not ${action} a Campaign it owns with partners []`,
        orgId,
        roles: [role],
        action,
        target: campaign(orgId, []),
        expected: false,
      });
      rows.push({
        name: `partner ${orgId} ${role} ${verdict(listedAllows)} ${action} a Campaign it owns that lists it as a partner`,
        orgId,
        roles: [role],
        action,
        target: campaign(orgId, [orgId]),
        expected: listedAllows,
      });
    }
  }
}

// Campaigns: an unknown agency, and a user without roles, get nothing.
for (const action of CAMPAIGN_ACTIONS) {
  rows.push({
    name: `unknown-agency admin may not ${action} its own Campaign`,
    orgId: UNKNOWN,
    roles: ['admin', 'campaign_manager', 'liaison'],
    action,
    target: campaign(UNKNOWN, [UNKNOWN]),
    expected: false,
  });
  rows.push({
    name: `unknown-agency admin may not ${action} a Campaign of ${LEAD} that lists it`,
    orgId: UNKNOWN,
    roles: ['admin', 'campaign_manager', 'liaison'],
    action,
    target: campaign(LEAD, [UNKNOWN]),
    expected: false,
  });
  for (const orgId of [LEAD, ...PARTNERS]) {
    rows.push({
      name: `${orgId} user with no roles may not ${action} its own Campaign that lists it`,
      orgId,
      roles: [],
      action,
      target: campaign(orgId, [orgId]),
      expected: false,
    });
  }
}

const CAMPAIGN_REQUEST_ACTIONS: Action[] = ['read', 'create', 'follow_up', 'answer'];

/** Partner agencies, per role: the CampaignRequest actions allowed on requests from its own agency. */
const PARTNER_REQUEST_FROM_OWN_ALLOWED: Record<StaffRole, Action[]> = {
  admin: ['read', 'create', 'follow_up'],
  registry_officer: ['read'],
  campaign_manager: ['read'],
  reviewer: ['read'],
  legal_officer: ['read'],
  finance_officer: ['read'],
  auditor: ['read'],
  liaison: ['read', 'create', 'follow_up'],
};

/** Lead agency, per role: the CampaignRequest actions allowed on requests addressed to it. */
const LEAD_REQUEST_TO_OWN_ALLOWED: Record<StaffRole, Action[]> = {
  admin: ['read', 'answer'],
  registry_officer: ['read'],
  campaign_manager: ['read', 'answer'],
  reviewer: ['read'],
  legal_officer: ['read'],
  finance_officer: ['read'],
  auditor: ['read'],
  liaison: ['read'],
};

const campaignRequest = (fromAgencyId: string, toAgencyId: string) => () =>
  subject('CampaignRequest', { fromAgencyId, toAgencyId });

// Joint campaign requests: every agency × role × action × from own / to own / neither.
for (const orgId of [LEAD, ...PARTNERS]) {
  const isLead = orgId === LEAD;
  const [p1, p2] = PARTNERS.filter((p) => p !== orgId);
  const targets: { label: string; from: string; to: string; allowed: (role: StaffRole) => Action[] }[] = isLead
    ? [
        { label: `from ${orgId} to mofa`, from: orgId, to: 'mofa', allowed: () => ['read'] },
        {
          label: `from mofa to ${orgId}`,
          from: 'mofa',
          to: orgId,
          allowed: (role) => LEAD_REQUEST_TO_OWN_ALLOWED[role],
        },
        {
          label: `from hcmc-info to ${orgId}`,
          from: 'hcmc-info',
          to: orgId,
          allowed: (role) => LEAD_REQUEST_TO_OWN_ALLOWED[role],
        },
        { label: 'from mofa to hcmc-info', from: 'mofa', to: 'hcmc-info', allowed: () => [] },
        { label: 'from mofa to other-lead', from: 'mofa', to: 'other-lead', allowed: () => [] },
      ]
    : [
        {
          label: `from ${orgId} to ${LEAD}`,
          from: orgId,
          to: LEAD,
          allowed: (role) => PARTNER_REQUEST_FROM_OWN_ALLOWED[role],
        },
        {
          label: `from ${orgId} to ${p1}`,
          from: orgId,
          to: p1,
          allowed: (role) => PARTNER_REQUEST_FROM_OWN_ALLOWED[role],
        },
        { label: `from ${LEAD} to ${orgId}`, from: LEAD, to: orgId, allowed: () => ['read'] },
        { label: `from ${p1} to ${LEAD}`, from: p1, to: LEAD, allowed: () => [] },
        { label: `from ${p1} to ${p2}`, from: p1, to: p2, allowed: () => [] },
      ];
  for (const role of STAFF_ROLES) {
    for (const action of CAMPAIGN_REQUEST_ACTIONS) {
      for (const { label, from, to, allowed } of targets) {
        const expected = allowed(role).includes(action);
        rows.push({
          name: `${orgId} ${role} ${verdict(expected)} ${action} a CampaignRequest ${label}`,
          orgId,
          roles: [role],
          action,
          target: campaignRequest(from, to),
          expected,
        });
      }
    }
  }
}

// Joint campaign requests: roles combine, each adding its own rights and no others.
const REQUEST_ROLE_MIXES: { orgId: string; roles: Role[]; from: string; to: string; allowed: Action[] }[] = [
  { orgId: 'mofa', roles: ['reviewer', 'liaison'], from: 'mofa', to: LEAD, allowed: ['read', 'create', 'follow_up'] },
  { orgId: 'mofa', roles: ['campaign_manager', 'auditor'], from: 'mofa', to: LEAD, allowed: ['read'] },
  { orgId: 'hcmc-info', roles: ['admin', 'campaign_manager'], from: LEAD, to: 'hcmc-info', allowed: ['read'] },
  { orgId: LEAD, roles: ['auditor', 'campaign_manager'], from: 'mofa', to: LEAD, allowed: ['read', 'answer'] },
  { orgId: LEAD, roles: ['admin', 'liaison'], from: LEAD, to: 'mofa', allowed: ['read'] },
  { orgId: LEAD, roles: ['admin', 'liaison'], from: 'mofa', to: 'hanoi-tourism', allowed: [] },
];
for (const { orgId, roles, from, to, allowed } of REQUEST_ROLE_MIXES) {
  for (const action of CAMPAIGN_REQUEST_ACTIONS) {
    const expected = allowed.includes(action);
    rows.push({
      name: `${orgId} ${roles.join('+')} ${verdict(expected)} ${action} a CampaignRequest from ${from} to ${to}`,
      orgId,
      roles,
      action,
      target: campaignRequest(from, to),
      expected,
    });
  }
}

// Joint campaign requests: an unknown agency, and a user without roles, get nothing.
for (const action of CAMPAIGN_REQUEST_ACTIONS) {
  for (const [from, to] of [
    [UNKNOWN, LEAD],
    [LEAD, UNKNOWN],
    [UNKNOWN, UNKNOWN],
  ]) {
    rows.push({
      name: `unknown-agency admin may not ${action} a CampaignRequest from ${from} to ${to}`,
      orgId: UNKNOWN,
      roles: ['admin', 'campaign_manager', 'liaison'],
      action,
      target: campaignRequest(from, to),
      expected: false,
    });
  }
  for (const orgId of [LEAD, ...PARTNERS]) {
    for (const [from, to] of [
      [orgId, orgId === LEAD ? 'mofa' : LEAD],
      [orgId === LEAD ? 'mofa' : LEAD, orgId],
    ]) {
      rows.push({
        name: `${orgId} user with no roles may not ${action} a CampaignRequest from ${from} to ${to}`,
        orgId,
        roles: [],
        action,
        target: campaignRequest(from, to),
        expected: false,
      });
    }
  }
}

// Campaign and request actions that make no sense on the other subject are refused.
for (const orgId of [LEAD, ...PARTNERS]) {
  const all: Role[] = [...STAFF_ROLES];
  for (const action of ['answer', 'follow_up', 'submit', 'verify', 'read_restricted'] as Action[]) {
    rows.push({
      name: `${orgId} with every role may not ${action} its own Campaign that lists it`,
      orgId,
      roles: all,
      action,
      target: campaign(orgId, [orgId]),
      expected: false,
    });
  }
  for (const action of ['update', 'change_status', 'submit', 'verify', 'read_restricted'] as Action[]) {
    rows.push({
      name: `${orgId} with every role may not ${action} a CampaignRequest from it to itself`,
      orgId,
      roles: all,
      action,
      target: campaignRequest(orgId, orgId),
      expected: false,
    });
  }
}

// Actions that make no sense on a subject are refused.
for (const orgId of [LEAD, ...PARTNERS]) {
  rows.push({
    name: `${orgId} admin may not verify a Creator`,
    orgId,
    roles: ['admin'],
    action: 'verify',
    target: creator('active'),
    expected: false,
  });
  for (const action of ['create', 'update', 'change_status', 'read_restricted', 'read_personal_data'] as Action[]) {
    rows.push({
      name: `${orgId} admin may not ${action} its own AuditTrail`,
      orgId,
      roles: ['admin', 'auditor'],
      action,
      target: auditTrail(orgId),
      expected: false,
    });
  }
  for (const action of ['change_status', 'verify', 'read_restricted', 'read_personal_data'] as Action[]) {
    rows.push({
      name: `${orgId} admin may not ${action} its own Agreement`,
      orgId,
      roles: ['admin', 'campaign_manager', 'legal_officer'],
      action,
      target: agreement(orgId),
      expected: false,
    });
  }
  for (const action of [
    'submit',
    'legal_decision',
    'sign',
    'suspend',
    'resume',
    'terminate',
    'manage_milestones',
  ] as Action[]) {
    rows.push({
      name: `${orgId} admin may not ${action} an active Creator`,
      orgId,
      roles: ['admin', 'registry_officer'],
      action,
      target: creator('active'),
      expected: false,
    });
    rows.push({
      name: `${orgId} admin may not ${action} its own AuditTrail`,
      orgId,
      roles: ['admin', 'auditor'],
      action,
      target: auditTrail(orgId),
      expected: false,
    });
  }
}

// Agency tasks: any agency asks another for work. Coordinators (liaison,
// campaign_manager, admin) ask and follow up on their agency's tasks and
// answer the ones asked of it; every role reads both; nobody touches tasks
// between other agencies.
const TASK_ACTIONS: Action[] = ['read', 'create', 'follow_up', 'answer'];
const COORDINATORS: Role[] = ['liaison', 'campaign_manager', 'admin'];
const agencyTask = (fromAgencyId: string, toAgencyId: string) => () =>
  subject('AgencyTask', { fromAgencyId, toAgencyId });
for (const orgId of [LEAD, ...PARTNERS]) {
  const other = orgId === 'mofa' ? 'hcmc-info' : 'mofa';
  for (const role of STAFF_ROLES) {
    const coordinator = COORDINATORS.includes(role);
    for (const action of TASK_ACTIONS) {
      const asked = action === 'read' || (coordinator && (action === 'create' || action === 'follow_up'));
      rows.push({
        name: `${orgId} ${role} ${verdict(asked)} ${action} an AgencyTask it asked of ${other}`,
        orgId,
        roles: [role],
        action,
        target: agencyTask(orgId, other),
        expected: asked,
      });
      const askedOfIt = action === 'read' || (coordinator && action === 'answer');
      rows.push({
        name: `${orgId} ${role} ${verdict(askedOfIt)} ${action} an AgencyTask ${other} asked of it`,
        orgId,
        roles: [role],
        action,
        target: agencyTask(other, orgId),
        expected: askedOfIt,
      });
      rows.push({
        name: `${orgId} ${role} may not ${action} an AgencyTask between ${other} and other-lead`,
        orgId,
        roles: [role],
        action,
        target: agencyTask(other, 'other-lead'),
        expected: false,
      });
    }
  }
}
for (const action of TASK_ACTIONS) {
  rows.push({
    name: `unknown-agency liaison may not ${action} its own AgencyTask`,
    orgId: UNKNOWN,
    roles: ['liaison'],
    action,
    target: agencyTask(UNKNOWN, LEAD),
    expected: false,
  });
  rows.push({
    name: `mofa user with no roles may not ${action} its own AgencyTask`,
    orgId: 'mofa',
    roles: [],
    action,
    target: agencyTask('mofa', LEAD),
    expected: false,
  });
}

// Assignments: the owning agency's staff read them and its managers change
// them; partner agencies read those of campaigns they are partners in; a
// creator reads and answers their own, their management company reads
// theirs; nobody else sees them.
const ASSIGNMENT_ACTIONS: Action[] = ['read', 'update', 'respond'];
const CREATOR_A = '0190a000-0000-7000-8000-00000000000a';
const CREATOR_B = '0190a000-0000-7000-8000-00000000000b';
const COMPANY = '0190a000-0000-7000-8000-00000000000c';
const assignmentOf =
  (creatorId: string, partnerAgencyIds: string[] = ['mofa']) =>
  () =>
    subject('Assignment', { ownerAgencyId: LEAD, partnerAgencyIds, creatorId, managementCompanyId: COMPANY });
for (const role of STAFF_ROLES) {
  for (const action of ASSIGNMENT_ACTIONS) {
    const lead = action === 'read' || (action === 'update' && ['admin', 'campaign_manager'].includes(role));
    rows.push({
      name: `lead ${role} ${verdict(lead)} ${action} an Assignment of its campaign`,
      orgId: LEAD,
      roles: [role],
      action,
      target: assignmentOf(CREATOR_A),
      expected: lead,
    });
    for (const orgId of PARTNERS) {
      const partner = action === 'read' && orgId === 'mofa';
      rows.push({
        name: `${orgId} ${role} ${verdict(partner)} ${action} an Assignment of a campaign with mofa as partner`,
        orgId,
        roles: [role],
        action,
        target: assignmentOf(CREATOR_A),
        expected: partner,
      });
    }
  }
}
const creatorRows: { name: string; creatorId: string; action: Action; target: Row['target']; expected: boolean }[] = [];
for (const action of ASSIGNMENT_ACTIONS) {
  creatorRows.push({
    name: `creator A ${verdict(action !== 'update')} ${action} their own Assignment`,
    creatorId: CREATOR_A,
    action,
    target: assignmentOf(CREATOR_A),
    expected: action !== 'update',
  });
  creatorRows.push({
    name: `creator B may not ${action} creator A's Assignment`,
    creatorId: CREATOR_B,
    action,
    target: assignmentOf(CREATOR_A),
    expected: false,
  });
  creatorRows.push({
    name: `the management company ${verdict(action === 'read')} ${action} its creator's Assignment`,
    creatorId: COMPANY,
    action,
    target: assignmentOf(CREATOR_A),
    expected: action === 'read',
  });
}
for (const action of ['read', 'create', 'update', 'read_personal_data'] as Action[]) {
  creatorRows.push({
    name: `creator A may not ${action} a Creator`,
    creatorId: CREATOR_A,
    action,
    target: creator('active'),
    expected: false,
  });
  creatorRows.push({
    name: `creator A may not ${action} a Campaign`,
    creatorId: CREATOR_A,
    action,
    target: () => subject('Campaign', { ownerAgencyId: LEAD, partnerAgencyIds: [] }),
    expected: false,
  });
  creatorRows.push({
    name: `creator A may not ${action} an Agreement`,
    creatorId: CREATOR_A,
    action,
    target: agreement(LEAD),
    expected: false,
  });
}

// Submissions (content): every role of the owning agency reads them, legal
// officers override checks, managers record publications; partners read
// those of their joint campaigns; the creator reads, submits and publishes
// their own; their company reads; nobody else. (Who decides a stage is the
// workflow's: packages/domain approval/review-workflow.)
const SUBMISSION_ACTIONS: Action[] = ['read', 'submit', 'override', 'publish'];
const submissionOf =
  (creatorId: string, partnerAgencyIds: string[] = ['mofa']) =>
  () =>
    subject('Submission', { ownerAgencyId: LEAD, partnerAgencyIds, creatorId, managementCompanyId: COMPANY });
for (const role of STAFF_ROLES) {
  for (const action of SUBMISSION_ACTIONS) {
    const lead =
      action === 'read' ||
      (action === 'override' && role === 'legal_officer') ||
      (action === 'publish' && ['admin', 'campaign_manager'].includes(role));
    rows.push({
      name: `lead ${role} ${verdict(lead)} ${action} a Submission of its campaign`,
      orgId: LEAD,
      roles: [role],
      action,
      target: submissionOf(CREATOR_A),
      expected: lead,
    });
    for (const orgId of PARTNERS) {
      const partner = action === 'read' && orgId === 'mofa';
      rows.push({
        name: `${orgId} ${role} ${verdict(partner)} ${action} a Submission of a campaign with mofa as partner`,
        orgId,
        roles: [role],
        action,
        target: submissionOf(CREATOR_A),
        expected: partner,
      });
    }
  }
}
for (const action of SUBMISSION_ACTIONS) {
  const own = action !== 'override';
  creatorRows.push({
    name: `creator A ${verdict(own)} ${action} their own Submission`,
    creatorId: CREATOR_A,
    action,
    target: submissionOf(CREATOR_A),
    expected: own,
  });
  creatorRows.push({
    name: `creator B may not ${action} creator A's Submission`,
    creatorId: CREATOR_B,
    action,
    target: submissionOf(CREATOR_A),
    expected: false,
  });
  creatorRows.push({
    name: `the management company ${verdict(own)} ${action} its creator's Submission`,
    creatorId: COMPANY,
    action,
    target: submissionOf(CREATOR_A),
    expected: own,
  });
}

// The `creator` role held by an agency's user grants nothing there.
for (const orgId of [LEAD, ...PARTNERS]) {
  for (const [name, target] of [
    ['Creator', creator('active')],
    ['Agreement', agreement(orgId)],
    ['Assignment', assignmentOf(CREATOR_A, [orgId])],
  ] as const) {
    rows.push({
      name: `${orgId} user with only the creator role may not read a ${name}`,
      orgId,
      roles: ['creator'],
      action: 'read',
      target,
      expected: false,
    });
  }
}

describe('permission matrix', () => {
  it('has unique row names', () => {
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
  });

  it.each(rows)('$name', ({ orgId, roles, action, target, expected }) => {
    const ability = abilityFor({ userId: 'u-1', orgId, roles });
    expect(ability.can(action, target())).toBe(expected);
  });
});

describe('creators signing in as themselves', () => {
  it.each(creatorRows)('$name', ({ creatorId, action, target, expected }) => {
    const ability = abilityFor({
      userId: `creator@${creatorId.slice(-2)}`,
      orgId: CREATORS_ORG,
      roles: ['creator'],
      creatorId,
    });
    expect(ability.can(action, target())).toBe(expected);
  });

  it("builds each creator their own ability (never another creator's, cached)", () => {
    const a = abilityFor({ userId: 'creator@a', orgId: CREATORS_ORG, roles: ['creator'], creatorId: CREATOR_A });
    const b = abilityFor({ userId: 'creator@b', orgId: CREATORS_ORG, roles: ['creator'], creatorId: CREATOR_B });
    expect(a.can('respond', assignmentOf(CREATOR_A)())).toBe(true);
    expect(b.can('respond', assignmentOf(CREATOR_A)())).toBe(false);
  });
});

describe('roles combine', () => {
  it('a lead reviewer who is also a registry officer may write creators', () => {
    const ability = abilityFor({ userId: 'u-1', orgId: LEAD, roles: ['reviewer', 'registry_officer'] });
    expect(ability.can('change_status', creator('vetted')())).toBe(true);
  });

  it('a partner admin who is also a registry officer still only reads active creators', () => {
    const ability = abilityFor({ userId: 'u-1', orgId: 'mofa', roles: ['admin', 'registry_officer'] });
    expect(ability.can('read', creator('active')())).toBe(true);
    expect(ability.can('read', creator('suspended')())).toBe(false);
    expect(ability.can('update', creator('active')())).toBe(false);
  });
});
