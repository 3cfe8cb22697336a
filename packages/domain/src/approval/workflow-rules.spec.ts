import { describe, expect, it } from '@jest/globals';
import { DEFAULT_WORKFLOW, type StageTemplate } from './review-workflow';
import { assertWorkflowAllowed, workflowErrors } from './workflow-rules';

const joint = { ownerAgencyId: 'mcst-ttcs', partnerAgencyIds: ['mofa'] };
const stage = (key: string, agency: string, role: StageTemplate['role'] = 'reviewer'): StageTemplate => ({
  key,
  agency,
  role,
  quorum: 1,
  deadlineHours: 48,
});
const codes = (stages: StageTemplate[], consentedBy: string[] = [], current = DEFAULT_WORKFLOW) =>
  workflowErrors(stages, current, joint, consentedBy).map((e) => [e.path, e.code]);

describe('workflowErrors', () => {
  it('lets the owner reorder, tighten or add stages that keep legal and the partner', () => {
    expect(
      codes([
        stage('legal', 'owner', 'legal_officer'),
        stage('agency_review', 'owner'),
        stage('partner_review', 'partners'),
      ]),
    ).toEqual([]);
    expect(codes([...DEFAULT_WORKFLOW, stage('mofa_legal', 'mofa', 'legal_officer')])).toEqual([]);
  });

  it('keeps the owning agency’s legal review', () => {
    expect(codes([stage('agency_review', 'owner'), stage('partner_review', 'partners')])).toEqual([
      ['input.stages', 'legal_required'],
    ]);
    // A partner's legal officers are not the owner's legal review.
    expect(codes([stage('legal', 'mofa', 'legal_officer'), stage('partner_review', 'partners')])).toEqual([
      ['input.stages', 'legal_required'],
    ]);
  });

  it("removes a partner's stage only with that partner's consent", () => {
    const withoutPartner = [stage('agency_review', 'owner'), stage('legal', 'owner', 'legal_officer')];
    expect(codes(withoutPartner)).toEqual([['input.stages', 'partner_consent_required']]);
    expect(codes(withoutPartner, ['mofa'])).toEqual([]);
    // Another agency's consent is not the partner's.
    expect(codes(withoutPartner, ['mcst-ttcs'])).toEqual([['input.stages', 'partner_consent_required']]);
    // Naming the partner instead of `partners`, or renaming its stage, keeps it; giving it to another role does not.
    expect(codes([stage('legal', 'owner', 'legal_officer'), stage('mofa_check', 'mofa')])).toEqual([]);
    expect(codes([stage('legal', 'owner', 'legal_officer'), stage('partner_review', 'partners', 'liaison')])).toEqual([
      ['input.stages', 'partner_consent_required'],
    ]);
    // A stage the partner never had is not its to keep.
    expect(codes(withoutPartner, [], withoutPartner)).toEqual([]);
  });

  it('names only agencies on the campaign, at the stage that names another', () => {
    expect(codes([...DEFAULT_WORKFLOW, stage('extra', 'hcmc-info')])).toEqual([
      ['input.stages.3.agency', 'agency_not_on_campaign'],
    ]);
  });

  it('refuses with 422 material: a stable code and every error with its path', () => {
    expect(() => assertWorkflowAllowed([stage('extra', 'hcmc-info')], DEFAULT_WORKFLOW, joint, [])).toThrow(
      expect.objectContaining({
        code: 'workflow.not_allowed',
        errors: [
          expect.objectContaining({ path: 'input.stages.0.agency' }),
          expect.objectContaining({ code: 'legal_required' }),
          expect.objectContaining({ code: 'partner_consent_required' }),
        ],
      }),
    );
  });
});
