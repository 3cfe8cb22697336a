import { describe, expect, it } from '@jest/globals';
import {
  buildAmendment,
  buildCreateRequest,
  changedTerms,
  draftFromTerms,
  emptyAgreementDraft,
  emptyDeliverable,
  termPaths,
  toFormPaths,
  validateAmendment,
  validateCreate,
  validateUpdate,
  type AgreementDraft,
  type Terms,
} from './agreement-form';
import { AGREEMENT_TERMS } from '../../test/fixtures';

const COUNTERPARTY = '0190f1a2-0000-7000-8000-000000000001';

function filled(): AgreementDraft {
  return {
    ...emptyAgreementDraft(COUNTERPARTY),
    title: '  Ra mắt trình chiếu 3D Điện Biên Phủ ',
    scope: '50 short videos',
    termStart: '2026-03-01',
    termEnd: '2026-12-31',
    budget: '450.000.000',
    deliverables: [
      { ...emptyDeliverable('tiktok'), quantity: '30' },
      emptyDeliverable('youtube'),
      { ...emptyDeliverable('facebook'), quantity: '20' },
    ],
  };
}

const terms: Terms = {
  ...AGREEMENT_TERMS,
  usageRights: { durationMonths: 24, channels: ['tiktok'], territories: ['VN'] },
};

describe('the agreement form', () => {
  it('builds the draft request: trimmed, blank deliverable rows and blank usage rights left out, rows remembered', () => {
    const { body, deliverableRows } = buildCreateRequest(filled());
    expect(body).toEqual({
      kind: 'service_contract',
      counterpartyId: COUNTERPARTY,
      title: 'Ra mắt trình chiếu 3D Điện Biên Phủ',
      scope: '50 short videos',
      term: { start: '2026-03-01', end: '2026-12-31' },
      budget: 450_000_000,
      deliverables: [
        { platform: 'tiktok', quantity: 30 },
        { platform: 'facebook', quantity: 20 },
      ],
      disclosureLabel: '#HợpTác cùng Cục TTCS&TTĐN',
    });
    expect(deliverableRows).toEqual([0, 2]);
    expect(validateCreate(body)).toEqual([]);
  });

  it('sends usage rights once any of their fields is filled, territories in capitals', () => {
    const { body } = buildCreateRequest({
      ...filled(),
      usageMonths: '24',
      usageChannels: 'tiktok, facebook',
      usageTerritories: 'vn fr',
    });
    expect(body.usageRights).toEqual({
      durationMonths: 24,
      channels: ['tiktok', 'facebook'],
      territories: ['VN', 'FR'],
    });
  });

  it('finds before sending what the API would refuse, at the paths the API uses', () => {
    const { body } = buildCreateRequest({ ...emptyAgreementDraft(), title: 'ab', budget: 'lots' });
    const paths = validateCreate(body).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['counterpartyId', 'title', 'scope', 'term.start', 'term.end', 'budget']),
    );
  });

  it('refuses a term that ends before it starts, on the end date', () => {
    const { body } = buildCreateRequest({ ...filled(), termStart: '2026-12-31', termEnd: '2026-03-01' });
    expect(validateCreate(body)).toEqual([expect.objectContaining({ path: 'term.end', code: 'before_start' })]);
  });

  it('puts an error about a sent deliverable on the row it was typed in', () => {
    const placed = toFormPaths(
      [
        { path: 'deliverables.1.quantity', code: 'too_big', message: '' },
        { path: 'input.title', code: 'too_small', message: '' },
      ],
      [0, 2],
    );
    expect(placed.map((e) => e.path)).toEqual(['deliverables.2.quantity', 'title']);
    expect(toFormPaths([{ path: 'changes.budget', code: 'over_budget', message: '' }], []).map((e) => e.path)).toEqual([
      'budget',
    ]);
    expect(termPaths(filled())).toEqual(
      expect.arrayContaining(['deliverables.2.quantity', 'term.end', 'usageRights.territories']),
    );
  });
});

describe('changing terms (a draft, an amendment)', () => {
  it('fills the form from the terms and sends nothing when nothing changed', () => {
    const draft = draftFromTerms(terms);
    expect(draft.budget).toBe('450000000');
    expect(draft.usageTerritories).toBe('VN');
    expect(changedTerms(draft, terms).changes).toEqual({});
    expect(validateUpdate({})).toEqual([expect.objectContaining({ path: 'changes', code: 'nothing_changes' })]);
  });

  it('sends only the terms that changed', () => {
    const draft = { ...draftFromTerms(terms), budget: '500.000.000', scope: '60 short videos' };
    const { changes } = changedTerms(draft, terms);
    expect(changes).toEqual({ budget: 500_000_000, scope: '60 short videos' });
    expect(validateUpdate(changes)).toEqual([]);
  });

  it('an amendment needs a reason and at least one change', () => {
    const unchanged = buildAmendment(draftFromTerms(terms), terms, '  ');
    const codes = validateAmendment(unchanged.body).map((e) => `${e.path}:${e.code}`);
    expect(codes).toEqual(expect.arrayContaining(['reason:too_small', 'changes:nothing_changes']));

    const later = buildAmendment(
      { ...draftFromTerms(terms), termEnd: '2027-06-30' },
      terms,
      ' Extended to the 2027 season ',
    );
    expect(later.body).toEqual({
      changes: { term: { start: '2026-03-01', end: '2027-06-30' } },
      reason: 'Extended to the 2027 season',
    });
    expect(validateAmendment(later.body)).toEqual([]);
  });

  it('refuses an amended term that ends before it starts, at the path the API names', () => {
    const { body } = buildAmendment({ ...draftFromTerms(terms), termEnd: '2025-01-01' }, terms, 'Shorter');
    expect(validateAmendment(body)).toEqual([
      expect.objectContaining({ path: 'changes.term.end', code: 'before_start' }),
    ]);
  });
});
