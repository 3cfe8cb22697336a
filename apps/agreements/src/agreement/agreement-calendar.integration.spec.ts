import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { agreementNumber, newId } from '@concord/domain';
import { openServiceDatabase } from '@concord/database';
import type { ServiceClient } from '@concord/messaging';
import { createTestDatabase, testUrls } from '@concord/testing';
import { UnitOfWork } from '@concord/service-kit';
import { createAgreementsDataSource } from '../database/agreements-data-source';
import { Agreement } from './agreement.entity';
import { AgreementRepository } from './agreement.repository';
import { AgreementService } from './agreement.service';
import { CounterpartyDirectory } from './counterparty-directory';
import { CounterpartyRepository } from './counterparty.repository';

/**
 * The calendar: agreements past their end date expire and signed ones whose
 * term has begun become active — exactly once, even with two instances
 * running at the same moment.
 */
describe('agreement calendar', () => {
  let db: DataSource;
  /** The calendar never asks about counterparties. */
  let noRegistry: CounterpartyDirectory;

  beforeAll(async () => {
    db = await openServiceDatabase(createAgreementsDataSource(await createTestDatabase(testUrls().databaseUrl), 6));
    noRegistry = new CounterpartyDirectory({} as ServiceClient, new CounterpartyRepository(db));
  });
  afterAll(async () => db.destroy());

  async function seed(status: Agreement['status'], termStart: string, termEnd: string, n: number): Promise<string> {
    const id = newId();
    const now = new Date();
    await db.getRepository(Agreement).insert({
      id,
      number: agreementNumber('TTDN', 2026, n),
      agencyId: 'mcst-ttcs',
      kind: 'memorandum',
      counterpartyId: newId(),
      counterpartyName: 'Lê Minh Khang',
      title: 'Calendar test',
      searchText: 'calendar test',
      scope: 'x',
      termStart,
      termEnd,
      budget: 1,
      deliverables: [],
      disclosureLabel: '#HợpTác',
      usageRights: null,
      status,
      version: 3,
      signatures: [],
      legalReviews: [],
      statusHistory: [],
      createdBy: 'manager@mcst',
      createdAt: now,
      updatedAt: now,
    });
    return id;
  }

  it('expires and activates each due agreement exactly once across two instances', async () => {
    const expiring: string[] = [];
    for (let i = 0; i < 12; i++)
      expiring.push(await seed(i % 3 === 0 ? 'suspended' : 'active', '2026-01-01', '2026-06-30', i + 1));
    const starting = await seed('signed', '2026-07-01', '2026-12-31', 100);
    const notYet = await seed('signed', '2026-08-01', '2026-12-31', 101);
    const running = await seed('active', '2026-01-01', '2026-12-31', 102);

    const today = () => '2026-07-01';
    const work = new UnitOfWork(db, () => undefined);
    const a = new AgreementService(new AgreementRepository(db), noRegistry, work, today);
    const b = new AgreementService(new AgreementRepository(db), noRegistry, work, today);
    const [movedA, movedB] = await Promise.all([a.runDueTransitions(), b.runDueTransitions()]);
    expect(movedA + movedB).toBe(13);
    expect(await a.runDueTransitions()).toBe(0);

    const status = async (id: string) => (await db.getRepository(Agreement).findOneByOrFail({ id })).status;
    for (const id of expiring) expect(await status(id)).toBe('expired');
    expect(await status(starting)).toBe('active');
    expect(await status(notYet)).toBe('signed');
    expect(await status(running)).toBe('active');

    const events: { subject: string; n: number }[] = await db.query(
      `SELECT subject, count(*)::int AS n FROM outbox WHERE envelope->'data'->>'agreementId' = ANY($1) GROUP BY subject ORDER BY subject`,
      [[...expiring, starting]],
    );
    expect(events).toEqual([
      { subject: 'concord.events.agreements.agreement.activated', n: 1 },
      { subject: 'concord.events.agreements.agreement.ended', n: 12 },
    ]);
    const [ended] = await db.query(
      `SELECT envelope->'data' AS data, envelope->'actor' AS actor FROM outbox WHERE envelope->'data'->>'agreementId' = $1`,
      [expiring[0]],
    );
    expect(ended.data).toMatchObject({ status: 'expired', reason: 'expired' });
    expect(ended.actor).toMatchObject({ userId: 'system:calendar', orgId: 'mcst-ttcs' });
  });
});
