import { describe, expect, it } from '@jest/globals';
import type { Action } from '../../session/ability';
import { AGREEMENT_TERMS } from '../../test/fixtures';
import {
  availableActions,
  milestoneTotals,
  termText,
  versionDiff,
  type Agreement,
  type AgreementVersion,
  type TermWriter,
} from './lifecycle';

const ALL: Action[] = [
  'update',
  'submit',
  'legal_decision',
  'sign',
  'suspend',
  'resume',
  'terminate',
  'manage_milestones',
];
const only =
  (...actions: Action[]) =>
  (action: Action) =>
    actions.includes(action);
const everything = only(...ALL);

const terms = { ...AGREEMENT_TERMS, disclosureLabel: '#HợpTác' };
const signature = {
  party: 'agency' as const,
  signatoryName: 'Trần Minh Quân',
  signedAt: '2026-02-20T03:00:00Z',
  method: 'in_person' as const,
  recordedBy: 'admin@mcst',
};

function version(n: number, status: AgreementVersion['status'], changes: Partial<typeof terms> = {}): AgreementVersion {
  return {
    version: n,
    status,
    terms: { ...terms, ...changes },
    changes: Object.entries(changes).map(([field, to]) => ({
      field,
      from: (terms as Record<string, unknown>)[field],
      to,
    })),
    reason: n > 1 ? 'More videos' : null,
    legalReviews: [],
    signatures: [],
    createdBy: 'manager@mcst',
    createdAt: '2026-11-01T00:00:00Z',
  };
}

function agreement(
  status: Agreement['status'],
  extra: Partial<Pick<Agreement, 'versions' | 'signatures' | 'milestones'>> = {},
) {
  return { status, versions: [], signatures: [], milestones: [], ...extra };
}

describe('lifecycle actions offered', () => {
  it('follow the status', () => {
    expect(availableActions(agreement('draft'), everything)).toEqual([
      'edit',
      'submit',
      'terminate',
      'add_milestone',
      'upload_document',
    ]);
    expect(availableActions(agreement('legal_review'), everything)).toEqual([
      'legal_decision',
      'terminate',
      'add_milestone',
      'upload_document',
    ]);
    expect(availableActions(agreement('approved'), everything)).toEqual([
      'sign',
      'terminate',
      'add_milestone',
      'upload_document',
    ]);
    expect(availableActions(agreement('active'), everything)).toEqual([
      'amend',
      'suspend',
      'terminate',
      'add_milestone',
      'upload_document',
    ]);
    expect(availableActions(agreement('suspended'), everything)).toEqual([
      'amend',
      'resume',
      'terminate',
      'add_milestone',
      'upload_document',
    ]);
    expect(availableActions(agreement('terminated'), everything)).toEqual(['upload_document']);
  });

  it('follow the permissions of the role', () => {
    const legal = only('legal_decision');
    expect(availableActions(agreement('draft'), legal)).toEqual([]);
    expect(availableActions(agreement('legal_review'), legal)).toEqual(['legal_decision']);
    const manager = only('update', 'submit');
    expect(availableActions(agreement('draft'), manager)).toEqual(['edit', 'submit', 'upload_document']);
    expect(availableActions(agreement('active'), manager)).toEqual(['amend', 'upload_document']);
    expect(availableActions(agreement('active'), only('manage_milestones'))).toEqual(['add_milestone']);
  });

  it('offer signing only while a party has yet to sign', () => {
    expect(availableActions(agreement('approved', { signatures: [signature] }), only('sign'))).toEqual(['sign']);
    expect(
      availableActions(
        agreement('approved', { signatures: [signature, { ...signature, party: 'counterparty' }] }),
        only('sign'),
      ),
    ).toEqual([]);
  });

  it('offer the amendment under way to legal, then to signature, and no second amendment meanwhile', () => {
    const inReview = agreement('active', {
      versions: [version(1, 'signed'), version(2, 'in_review', { budget: 500_000_000 })],
    });
    expect(availableActions(inReview, everything)).toEqual([
      'amendment_decision',
      'suspend',
      'terminate',
      'add_milestone',
      'upload_document',
    ]);
    const approved = agreement('active', {
      versions: [version(1, 'signed'), version(2, 'approved', { budget: 500_000_000 })],
    });
    expect(availableActions(approved, only('sign', 'update'))).toEqual(['amendment_sign', 'upload_document']);
    const done = agreement('active', {
      versions: [version(1, 'superseded'), version(2, 'signed', { budget: 500_000_000 })],
    });
    expect(availableActions(done, only('update'))).toEqual(['amend', 'upload_document']);
  });

  it('offer payment only under a signed agreement with an unpaid milestone', () => {
    const milestone = {
      id: 'm',
      label: 'Advance',
      dueDate: '2026-03-01',
      amount: 1,
      status: 'planned' as const,
      paidAt: null,
      paidBy: null,
      paymentReference: null,
    };
    expect(availableActions(agreement('active', { milestones: [milestone] }), only('manage_milestones'))).toEqual([
      'add_milestone',
      'pay_milestone',
    ]);
    expect(availableActions(agreement('approved', { milestones: [milestone] }), only('manage_milestones'))).toEqual([
      'add_milestone',
    ]);
    expect(
      availableActions(
        agreement('active', { milestones: [{ ...milestone, status: 'paid' }] }),
        only('manage_milestones'),
      ),
    ).toEqual(['add_milestone']);
  });
});

describe('milestone totals', () => {
  it('add up planned and paid, and what the budget leaves', () => {
    const m = { label: 'x', dueDate: '2026-03-01', paidAt: null, paidBy: null, paymentReference: null };
    expect(
      milestoneTotals({
        budget: 100,
        milestones: [
          { ...m, id: 'a', amount: 40, status: 'paid' },
          { ...m, id: 'b', amount: 30, status: 'due' },
        ],
      }),
    ).toEqual({ planned: 70, paid: 40, unplanned: 30 });
  });
});

const write: TermWriter = {
  date: (iso) => iso.split('-').reverse().join('/'),
  money: (n) => `${n} đ`,
  platform: (p) => p.toUpperCase(),
  months: (n) => `${n} months`,
  none: '—',
};

describe('the diff of an amendment against the version before it', () => {
  it('writes each changed term as text and diffs it word by word', () => {
    const versions = [
      version(1, 'superseded'),
      version(2, 'signed', { scope: '60 short videos around the launch', budget: 500_000_000 }),
      version(3, 'in_review', { term: { start: '2026-03-01', end: '2027-06-30' } }),
    ];
    const second = versionDiff(versions, 2, write);
    expect(second.map((d) => d.field)).toEqual(['scope', 'budget']);
    expect(second[0].parts).toEqual([
      { op: 'delete', text: '50' },
      { op: 'insert', text: '60' },
      { op: 'equal', text: ' short videos around the launch' },
    ]);
    expect(second[1]).toMatchObject({ before: '450000000 đ', after: '500000000 đ' });

    // Version 3 is compared with version 2, not with the original.
    const third = versionDiff(versions, 3, write);
    expect(third).toHaveLength(1);
    expect(third[0]).toMatchObject({
      field: 'term',
      before: '01/03/2026 – 31/12/2026',
      after: '01/03/2026 – 30/06/2027',
    });
    expect(third[0].parts.filter((p) => p.op !== 'equal').map((p) => p.text)).toEqual(['31/12/2026', '30/06/2027']);
  });

  it('shows no diff for the original version', () => {
    expect(versionDiff([version(1, 'signed')], 1, write)).toEqual([]);
  });

  it('writes deliverables and usage rights readably', () => {
    expect(
      termText(
        'deliverables',
        [
          { platform: 'tiktok', quantity: 3 },
          { platform: 'youtube', quantity: 1 },
        ],
        write,
      ),
    ).toBe('TIKTOK × 3, YOUTUBE × 1');
    expect(termText('usageRights', { durationMonths: 24, channels: ['tiktok'], territories: ['VN'] }, write)).toBe(
      '24 months · tiktok · VN',
    );
    expect(termText('usageRights', undefined, write)).toBe('—');
  });
});
