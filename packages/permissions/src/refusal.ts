import { DomainError } from '@concord/domain';
import type { Action, SubjectName } from './ability';

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

/** The 403 for a role that may not do `action` on `subject`, worded the same at the gateway and in the services. */
export function roleMayNot(action: Action, subject: SubjectName): DomainError {
  return new DomainError('auth.forbidden', `Your role may not ${action.replace(/_/g, ' ')} ${NOUNS[subject]}`);
}
