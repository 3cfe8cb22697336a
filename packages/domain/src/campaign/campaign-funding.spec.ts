import { describe, expect, it } from '@jest/globals';
import { caught as refusal } from '../errors.test-helpers';
import { assertCampaignFunded, assertKnownAgencies, type FundingAgreement } from './campaign-funding';

const A1 = '0190f1a2-0000-7000-8000-0000000000a1';
const A2 = '0190f1a2-0000-7000-8000-0000000000a2';
const A3 = '0190f1a2-0000-7000-8000-0000000000a3';
const OTHER = '0190f1a2-0000-7000-8000-0000000000a4';
const known: FundingAgreement[] = [
  { agreementId: A1, agencyId: 'mcst-ttcs', status: 'active', budget: 300_000_000 },
  { agreementId: A2, agencyId: 'mcst-ttcs', status: 'signed', budget: 150_000_000 },
  { agreementId: A3, agencyId: 'mcst-ttcs', status: 'terminated', budget: 80_000_000 },
  { agreementId: OTHER, agencyId: 'hcmc-info', status: 'active', budget: 900_000_000 },
];
const campaign = (budget: number, agreementIds: string[]) => ({ ownerAgencyId: 'mcst-ttcs', budget, agreementIds });

describe('known agencies', () => {
  it('accepts known agencies and refuses unknown ones and the owner itself, at each field', () => {
    expect(() =>
      assertKnownAgencies([{ path: 'input.partnerAgencyIds.0', agencyId: 'mofa' }], 'mcst-ttcs'),
    ).not.toThrow();
    const e = refusal(() =>
      assertKnownAgencies(
        [
          { path: 'input.partnerAgencyIds.0', agencyId: 'mofa' },
          { path: 'input.partnerAgencyIds.1', agencyId: 'no-such-ministry' },
          { path: 'input.partnerAgencyIds.2', agencyId: 'mcst-ttcs' },
        ],
        'mcst-ttcs',
      ),
    );
    expect(e.code).toBe('agency.unknown');
    expect(e.errors.map((x) => [x.path, x.code])).toEqual([
      ['input.partnerAgencyIds.1', 'unknown_agency'],
      ['input.partnerAgencyIds.2', 'own_agency'],
    ]);
  });
});

describe('a campaign funded by agreements', () => {
  it.each<[string, number, string[]]>([
    ['within one agreement', 300_000_000, [A1]],
    ['within two agreements together', 450_000_000, [A1, A2]],
    ['naming no agreement (not checked)', 999_000_000, []],
    ['an agreement named twice counts once', 300_000_000, [A1, A1]],
  ])('accepts a budget %s', (_, budget, ids) => {
    expect(() => assertCampaignFunded(campaign(budget, ids), known)).not.toThrow();
  });

  it('refuses a budget above what its agreements fund, at the budget', () => {
    const e = refusal(() => assertCampaignFunded(campaign(450_000_001, [A1, A2]), known));
    expect(e.code).toBe('campaign.not_funded');
    expect(e.errors).toEqual([expect.objectContaining({ path: 'input.budget', code: 'over_agreements' })]);
    expect(e.extensions).toEqual({ budget: 450_000_001, funded: 450_000_000 });
  });

  it('refuses unknown agreements, another agency’s, and one no longer in force, at each', () => {
    const e = refusal(() =>
      assertCampaignFunded(campaign(1, [A1, '0190f1a2-0000-7000-8000-0000000000ff', OTHER, A3]), known),
    );
    expect(e.errors.map((x) => [x.path, x.code])).toEqual([
      ['input.agreementIds.1', 'unknown_agreement'],
      ['input.agreementIds.2', 'unknown_agreement'],
      ['input.agreementIds.3', 'agreement_not_in_force'],
    ]);
  });

  it('does not add up budgets it does not know', () => {
    expect(() => assertCampaignFunded(campaign(999_000_000, [A1]), [{ ...known[0], budget: null }])).not.toThrow();
  });
});
