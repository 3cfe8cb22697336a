import { DomainError, type FieldError } from '../errors';
import { resolveStages, type StageTemplate } from './review-workflow';

export interface WorkflowCampaign {
  ownerAgencyId: string;
  partnerAgencyIds: readonly string[];
}

/**
 * What a campaign's review workflow must keep, whoever sets it:
 * - every stage names an agency on the campaign (`owner`, `partners`, or the id of the owner or a partner);
 * - the owning agency's legal review stays (a stage for its legal officers);
 * - a partner agency's stages of a joint campaign stay, unless that partner
 *   consented to this very workflow (`consentedBy`: the partner agencies that did).
 *
 * Returns the field errors (paths into the request's `input`), none when the workflow may be set.
 * A partner's stage is kept when the new workflow has a stage of the same
 * role for that partner (renaming or moving it keeps it; another role does not).
 */
export function workflowErrors(
  next: readonly StageTemplate[],
  current: readonly StageTemplate[],
  campaign: WorkflowCampaign,
  consentedBy: readonly string[] = [],
): FieldError[] {
  const errors: FieldError[] = [];
  const onCampaign = new Set(['owner', 'partners', campaign.ownerAgencyId, ...campaign.partnerAgencyIds]);
  next.forEach((stage, i) => {
    if (!onCampaign.has(stage.agency)) {
      errors.push({
        path: `input.stages.${i}.agency`,
        code: 'agency_not_on_campaign',
        message: `${stage.agency} is not an agency of this campaign`,
      });
    }
  });
  const partners = [...campaign.partnerAgencyIds];
  const resolved = resolveStages([...next], campaign.ownerAgencyId, partners);
  if (!resolved.some((s) => s.agencyId === campaign.ownerAgencyId && s.role === 'legal_officer')) {
    errors.push({
      path: 'input.stages',
      code: 'legal_required',
      message: "Keep a stage for the owning agency's legal officers",
    });
  }
  const before = resolveStages([...current], campaign.ownerAgencyId, partners);
  for (const partner of partners) {
    if (consentedBy.includes(partner)) continue;
    // Each of the partner's stages needs one of the same role for that partner in the new workflow.
    const kept = resolved.filter((s) => s.agencyId === partner).map((s) => s.role);
    const removed = before
      .filter((s) => s.agencyId === partner)
      .filter((s) => {
        const at = kept.indexOf(s.role);
        if (at >= 0) kept.splice(at, 1);
        return at < 0;
      })
      .map((s) => s.key);
    if (removed.length) {
      errors.push({
        path: 'input.stages',
        code: 'partner_consent_required',
        message: `${partner} has not agreed to leave out ${removed.join(', ')}`,
      });
    }
  }
  return errors;
}

/** Refuses a workflow that breaks `workflowErrors` (422, `workflow.not_allowed`). */
export function assertWorkflowAllowed(...args: Parameters<typeof workflowErrors>): void {
  const errors = workflowErrors(...args);
  if (errors.length) {
    throw new DomainError(
      'workflow.not_allowed',
      'This workflow leaves out a review the campaign must keep, or names an agency not on the campaign',
      errors,
    );
  }
}
