import { findAgency } from '../agencies';
import { isInForce } from '../agreement/agreement-budget';
import type { AgreementStatusName } from '../agreement/agreement-status.machine';
import { DomainError, type FieldError } from '../errors';

/**
 * Agencies named in a request must be agencies Concord knows (422
 * `agency.unknown`, naming each field); `owner`, when given, may not name
 * itself (a campaign's owner is not its own partner).
 */
export function assertKnownAgencies(named: readonly { path: string; agencyId: string }[], owner?: string): void {
  const errors: FieldError[] = named.flatMap(({ path, agencyId }): FieldError[] => {
    if (!findAgency(agencyId))
      return [{ path, code: 'unknown_agency', message: `No agency ${agencyId}; name a known agency, e.g. mofa` }];
    if (agencyId === owner) return [{ path, code: 'own_agency', message: 'The owning agency is not its own partner' }];
    return [];
  });
  if (errors.length)
    throw new DomainError(
      'agency.unknown',
      `Unknown agency: ${
        named
          .filter((n) => !findAgency(n.agencyId))
          .map((n) => n.agencyId)
          .join(', ') || 'the owner itself'
      }`,
      errors,
    );
}

/** An agreement a campaign draws on, as tasking knows it from the agreements service's events. */
export interface FundingAgreement {
  agreementId: string;
  agencyId: string;
  status: AgreementStatusName;
  /** đồng; null when known only from events older than the budget field. */
  budget: number | null;
}

/**
 * A campaign's budget is checked against the agreements that fund it (its
 * `agreementIds`): each must be an agreement of the campaign's own agency
 * that is in force (signed, active or suspended), and their budgets together
 * must cover the campaign's. A campaign that names no agreement is not
 * checked (nothing says what funds it), nor is the sum when an agreement's
 * budget is not known yet. Refused with 422 `campaign.not_funded`, each
 * problem at its field.
 */
export function assertCampaignFunded(
  campaign: { ownerAgencyId: string; budget: number; agreementIds: readonly string[] },
  known: readonly FundingAgreement[],
  path = (field: string) => `input.${field}`,
): void {
  const byId = new Map(known.map((a) => [a.agreementId, a]));
  const errors: FieldError[] = [];
  const funding: FundingAgreement[] = [];
  campaign.agreementIds.forEach((id, i) => {
    const a = byId.get(id);
    if (!a || a.agencyId !== campaign.ownerAgencyId) {
      errors.push({
        path: path(`agreementIds.${i}`),
        code: 'unknown_agreement',
        message: 'Name an agreement of your agency',
      });
    } else if (!isInForce(a.status)) {
      errors.push({
        path: path(`agreementIds.${i}`),
        code: 'agreement_not_in_force',
        message: `The agreement is ${a.status}; name one in force`,
      });
    } else if (!funding.includes(a)) {
      funding.push(a);
    }
  });
  const funded = funding.every((a) => a.budget !== null) ? funding.reduce((s, a) => s + (a.budget ?? 0), 0) : null;
  if (!errors.length && funding.length && funded !== null && campaign.budget > funded) {
    errors.push({
      path: path('budget'),
      code: 'over_agreements',
      message: `The agreements named fund at most ${funded.toLocaleString('en')} đồng`,
    });
  }
  if (errors.length) {
    throw new DomainError(
      'campaign.not_funded',
      "The campaign's budget is not covered by agreements of its agency in force",
      errors,
      {
        budget: campaign.budget,
        ...(funded !== null && funding.length ? { funded } : {}),
      },
    );
  }
}
