import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { newId, SUBJECTS, todayInVietnam, type Actor, type AgreementView, type CreatorView } from '@concord/domain';
import { openServiceDatabase } from '@concord/database';
import { ServiceClient } from '@concord/messaging';
import { createAgreementsDataSource } from '../database/agreements-data-source';
import { AgreementSearchText1764100000004 } from '../database/migrations/1764100000004-AgreementSearchText';
import { Agreement } from './agreement.entity';
import { AgreementRepository } from './agreement.repository';
import { staff } from '@concord/testing';
import {
  agreementDraft,
  approveAndSign,
  registerCounterparty,
  startAgreementsWithRegistry,
  vetCounterparty,
  type AgreementsUnderTest,
} from '../test/agreements.test-helpers';

const A = SUBJECTS.agreements;
const { manager, mofa } = staff;

/** `q` on the agreements list: number, title or counterparty name, diacritics and case optional, every word. */
describe('agreements list search (q)', () => {
  const year = todayInVietnam().slice(0, 4);
  let sut: AgreementsUnderTest;
  let client: ServiceClient;
  let db: DataSource;
  let saoViet: CreatorView;
  let saoNam: CreatorView;
  let dienBien: AgreementView;
  let haGiang: AgreementView;
  let hue: AgreementView;
  let otherAgencys: string;

  beforeAll(async () => {
    sut = await startAgreementsWithRegistry();
    client = sut.client;
    db = await openServiceDatabase(createAgreementsDataSource(sut.databaseUrl, 2));

    saoViet = await company('Công ty Sao Việt');
    saoNam = await company('Sao Nam Media');
    dienBien = await draft(saoViet.id, 'Quảng bá du lịch Điện Biên Phủ 2026');
    haGiang = await draft(saoNam.id, 'Phim tài liệu Hà Giang');
    hue = await draft(saoViet.id, 'Livestream lễ hội Huế');
    await client.request(A.submitForReview, { id: hue.id }, manager);
    // Another agency's agreement with the same counterparty and words (written as the service writes, search text included).
    otherAgencys = newId();
    const now = new Date();
    await db.transaction((m) =>
      new AgreementRepository(db).insert(
        m,
        m.create(Agreement, {
          id: otherAgencys,
          number: `HCMC-${year}-0001`,
          agencyId: 'hcmc-info',
          kind: 'memorandum',
          counterpartyId: saoViet.id,
          counterpartyName: 'Công ty Sao Việt',
          title: 'Quảng bá du lịch Điện Biên Phủ 2026',
          scope: 'x',
          termStart: '2026-01-01',
          termEnd: '2026-12-31',
          budget: 1,
          deliverables: [],
          disclosureLabel: '#HợpTác',
          usageRights: null,
          status: 'draft',
          version: 1,
          signatures: [],
          legalReviews: [],
          statusHistory: [],
          createdBy: 'manager@hcmc',
          createdAt: now,
          updatedAt: now,
        }),
      ),
    );
  });
  afterAll(async () => {
    await db.destroy();
    await sut.stop();
  });

  function company(displayName: string): Promise<CreatorView> {
    return registerCounterparty(client, { kind: 'management_company', displayName, followers: 50_000 });
  }

  function draft(counterpartyId: string, title: string): Promise<AgreementView> {
    const input = agreementDraft(counterpartyId, {
      title,
      scope: 'Short videos and livestreams',
      budget: 100_000_000,
      deliverables: [{ platform: 'youtube', quantity: 4 }],
    });
    return client.request(A.create, { input }, manager);
  }

  async function found(query: Record<string, unknown>, actor: Actor = manager): Promise<string[]> {
    const page = await client.request(A.list, { query: { limit: 100, ...query } }, actor);
    return page.items.map((i) => i.number);
  }

  it("finds by counterparty name and by title without diacritics or case, and never another agency's agreement", async () => {
    expect(dienBien.number).toBe(`TTDN-${year}-0001`);
    expect(await found({ q: 'cong ty sao viet' })).toEqual([hue.number, dienBien.number]);
    expect(await found({ q: 'CÔNG TY SAO VIỆT' })).toEqual([hue.number, dienBien.number]);
    expect(await found({ q: 'dien bien phu' })).toEqual([dienBien.number]);
    expect(await found({ q: 'Hà  giang' })).toEqual([haGiang.number]);
    expect(await found({ q: 'le hoi hue' })).toEqual([hue.number]);
    // The other agency's row matches the words; it is still not found, nor is anything for an agency that sees no agreements.
    const [other] = await db.query('SELECT search_text FROM agreements WHERE id = $1', [otherAgencys]);
    expect(other.search_text).toContain('cong ty sao viet');
    expect(await found({ q: 'HCMC' })).toEqual([]);
    expect(await found({ q: 'sao viet' }, mofa)).toEqual([]);
  });

  it("finds by a word's beginning and by the number or part of it", async () => {
    expect(await found({ q: 'sao' })).toEqual([hue.number, haGiang.number, dienBien.number]);
    expect(await found({ q: `TTDN-${year}-00`, counterpartyId: saoViet.id })).toEqual([hue.number, dienBien.number]);
    expect(await found({ q: haGiang.number.toLowerCase() })).toEqual([haGiang.number]);
    expect(await found({ q: '0003' })).toEqual([hue.number]);
  });

  it('needs every word to match, in any of the three', async () => {
    expect(await found({ q: 'sao giang' })).toEqual([haGiang.number]);
    expect(await found({ q: `sao viet ${dienBien.number}` })).toEqual([dienBien.number]);
    expect(await found({ q: 'sao viet ha giang' })).toEqual([]);
    expect(await found({ q: 'sao nam dien bien' })).toEqual([]);
    // A LIKE wildcard in the query is a plain character.
    expect(await found({ q: 's_o' })).toEqual([]);
  });

  it('combines with status and the other filters', async () => {
    expect(await found({ q: 'sao viet', status: 'legal_review' })).toEqual([hue.number]);
    expect(await found({ q: 'sao viet', status: 'draft' })).toEqual([dienBien.number]);
    expect(await found({ q: 'sao', counterpartyId: saoNam.id })).toEqual([haGiang.number]);
    const first = await client.request(A.list, { query: { q: 'sao', limit: 2 } }, manager);
    expect(first.items.map((i) => i.number)).toEqual([hue.number, haGiang.number]);
    expect(await found({ q: 'sao', cursor: first.nextCursor })).toEqual([dienBien.number]);
  });

  it("follows a draft's new title and an amendment that changes the title", async () => {
    // An agreement of its own, so the other tests' three keep their titles whatever the order.
    const lotus = await company('Hoa Sen Media');
    const caoBang = await draft(lotus.id, 'Phim tài liệu Cao Bằng');
    const edited = await client.request(
      A.update,
      { id: caoBang.id, expectedVersion: caoBang.version, changes: { title: 'Ẩm thực Hà Nội' } },
      manager,
    );
    expect(await found({ q: 'cao bang' })).toEqual([]);
    expect(await found({ q: 'am thuc ha noi' })).toEqual([caoBang.number]);

    await vetCounterparty(client, lotus.id);
    await approveAndSign(client, edited.id);
    const signature = {
      signatoryName: 'Someone Signing',
      signedAt: '2026-02-01T00:00:00Z',
      method: 'in_person' as const,
    };
    await client.request(
      A.amend,
      { id: edited.id, input: { changes: { title: 'Ẩm thực Hà Nội và Hội An' }, reason: 'Hội An added' } },
      manager,
    );
    expect(await found({ q: 'hoi an' })).toEqual([]);
    await client.request(
      A.amendmentDecision,
      { id: edited.id, version: 2, input: { decision: 'approve', comments: 'ok' } },
      staff.legal,
    );
    for (const party of ['agency', 'counterparty'] as const)
      await client.request(A.amendmentSign, { id: edited.id, version: 2, input: { party, ...signature } }, staff.admin);
    expect(await found({ q: 'hoi an' })).toEqual([caoBang.number]);
    expect(await found({ q: 'am thuc', status: 'active' })).toEqual([caoBang.number]);
  });

  it('fills the search text of agreements that existed before the migration', async () => {
    const searchTexts = (): Promise<{ number: string; search_text: string }[]> =>
      db.query("SELECT number, search_text FROM agreements WHERE agency_id = 'mcst-ttcs' ORDER BY number");
    // What the service keeps (another test may have retitled one by now): the migration must fill in the same.
    const kept = await searchTexts();
    const migration = new AgreementSearchText1764100000004();
    const runner = db.createQueryRunner();
    try {
      await runner.startTransaction();
      await migration.down(runner);
      await migration.up(runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    const filled = await searchTexts();
    expect(filled).toEqual(kept);
    expect(filled).toEqual(
      expect.arrayContaining([
        {
          number: dienBien.number,
          search_text: `${dienBien.number.toLowerCase()} quang ba du lich dien bien phu 2026 cong ty sao viet`,
        },
        { number: hue.number, search_text: `${hue.number.toLowerCase()} livestream le hoi hue cong ty sao viet` },
      ]),
    );
    expect(await found({ q: 'cong ty sao viet' })).toEqual([hue.number, dienBien.number]);
  });
});
