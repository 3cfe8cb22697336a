export const ROLES = [
  'admin',
  'registry_officer',
  'campaign_manager',
  'reviewer',
  'legal_officer',
  'finance_officer',
  'auditor',
  'liaison',
] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: a person, in one agency, holding roles there. */
export interface Actor {
  userId: string;
  orgId: string;
  roles: Role[];
}
