import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { createEnvelope, EVENTS, newId, type AgreementEventData } from '@concord/domain';
import { openServiceDatabase } from '@concord/database';
import { EventConsumer, type NatsConnection } from '@concord/messaging';
import { createTestDatabase, testEnvName, testUrls } from '@concord/testing';
import { createRegistryDataSource } from '../database/registry-data-source';
import { AGREEMENT_EVENTS_FILTER, agreementEventProjection } from './creator-agreements.projection';
import { CreatorAgreementsRepository } from './creator-agreements.repository';

describe("creators' agreements read model", () => {
  let db: DataSource;
  let consumer: EventConsumer;
  const system = { userId: 'system:calendar', orgId: 'mcst-ttcs', roles: [] };

  beforeAll(async () => {
    db = await openServiceDatabase(createRegistryDataSource(await createTestDatabase(testUrls().databaseUrl), 2));
    consumer = new EventConsumer({
      nc: {} as NatsConnection,
      dataSource: db,
      env: testEnvName(),
      service: 'registry',
      purpose: 'creator_agreements',
      filter: AGREEMENT_EVENTS_FILTER,
      handle: agreementEventProjection(new CreatorAgreementsRepository(db)),
    });
  });
  afterAll(async () => db.destroy());

  const event = (subject: string, data: AgreementEventData, at: string) => ({
    ...createEnvelope(subject, system, data, { occurredAt: new Date(at) }),
    subject: subject.replace('concord.', 'concord.t.'),
  });

  it('applies each event once, shows active agreements, and lets no older event undo a newer one', async () => {
    const creatorId = newId();
    const data: AgreementEventData = {
      agreementId: newId(),
      number: 'TTDN-2026-0042',
      agencyId: 'mcst-ttcs',
      counterpartyId: creatorId,
      status: 'active',
      term: { start: '2026-01-01', end: '2026-12-31' },
      deliverables: [],
      disclosureLabel: null,
      budget: null,
      reason: null,
    };
    const activated = event(EVENTS.agreements.activated, data, '2026-02-01T00:00:00Z');
    expect(await consumer.apply(activated)).toBe(true);
    expect(await consumer.apply(activated)).toBe(false);
    expect(await new CreatorAgreementsRepository(db).activeOf(creatorId)).toEqual([
      {
        agreementId: data.agreementId,
        number: 'TTDN-2026-0042',
        agencyId: 'mcst-ttcs',
        termStart: '2026-01-01',
        termEnd: '2026-12-31',
      },
    ]);

    const ended = event(
      EVENTS.agreements.ended,
      { ...data, status: 'terminated', reason: 'cancelled' },
      '2026-03-01T00:00:00Z',
    );
    expect(await consumer.apply(ended)).toBe(true);
    expect(await new CreatorAgreementsRepository(db).activeOf(creatorId)).toEqual([]);

    const late = event(EVENTS.agreements.activated, data, '2026-02-15T00:00:00Z');
    expect(await consumer.apply(late)).toBe(true);
    expect(await new CreatorAgreementsRepository(db).activeOf(creatorId)).toEqual([]);

    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM inbox');
    expect(n).toBe(3);
  });
});
