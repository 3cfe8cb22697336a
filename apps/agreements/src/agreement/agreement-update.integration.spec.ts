import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { z } from 'zod';
import { SUBJECTS, type AgreementCommands, type AgreementView, type CreatorView } from '@concord/domain';
import { staff } from '@concord/testing';
import {
  agreementDraft,
  registerCounterparty,
  startAgreementsWithRegistry,
  type AgreementsUnderTest,
} from '../test/agreements.test-helpers';

const A = SUBJECTS.agreements;
const { manager } = staff;
type AgreementChanges = z.infer<(typeof AgreementCommands)['update']>['changes'];

describe("a draft's edit applies every field it accepts", () => {
  let sut: AgreementsUnderTest;
  let counterparty: CreatorView;

  beforeAll(async () => {
    sut = await startAgreementsWithRegistry();
    counterparty = await registerCounterparty(sut.client, {
      displayName: 'Lò Văn Sùng Tây Bắc',
      followers: 9000,
      verified: false,
      topics: ['culture'],
    });
  });
  afterAll(async () => {
    await sut.stop();
  });

  // One change per field of the contract, and where it shows: a field added to UpdateAgreementInput fails to compile here until it has both.
  const cases: {
    [K in keyof AgreementChanges]-?: {
      value: Exclude<AgreementChanges[K], undefined>;
      shows: (view: AgreementView) => unknown;
    };
  } = {
    title: { value: 'Mùa xuân Tây Bắc 2027', shows: (view) => view.title },
    scope: { value: 'Six short videos on spring festivals of the north-west', shows: (view) => view.scope },
    term: { value: { start: '2027-02-01', end: '2027-05-31' }, shows: (view) => view.term },
    budget: { value: 87_500_000, shows: (view) => view.budget },
    deliverables: { value: [{ platform: 'tiktok', quantity: 6 }], shows: (view) => view.deliverables },
    disclosureLabel: { value: '#HợpTác cùng Sở VHTT Điện Biên', shows: (view) => view.disclosureLabel },
    usageRights: {
      value: { durationMonths: 12, channels: ['tiktok'], territories: ['VN', 'LA'] },
      shows: (view) => view.usageRights,
    },
  };

  it.each(Object.keys(cases) as (keyof AgreementChanges)[])('%s: changed and read back', async (field) => {
    const draft = await sut.client.request(
      A.create,
      {
        input: agreementDraft(counterparty.id, {
          title: 'Quảng bá Tây Bắc',
          scope: 'Short videos on the north-west',
          term: { start: '2027-01-01', end: '2027-12-31' },
          budget: 50_000_000,
          deliverables: [{ platform: 'youtube', quantity: 3 }],
        }),
      },
      manager,
    );
    const { value, shows } = cases[field] as { value: unknown; shows: (view: AgreementView) => unknown };
    const edited = await sut.client.request(
      A.update,
      { id: draft.id, expectedVersion: draft.version, changes: { [field]: value } },
      manager,
    );
    expect(shows(edited)).toEqual(value);
    expect(shows(await sut.client.request(A.get, { id: draft.id }, manager))).toEqual(value);
    expect(edited.version).toBe(draft.version + 1);
  });
});
