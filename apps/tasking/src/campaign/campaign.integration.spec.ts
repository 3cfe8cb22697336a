import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestMicroservice } from '@nestjs/common';
import { DomainError, newId, SUBJECTS, type Actor, type RequestOf } from '@concord/domain';
import { connectNats, type NatsConnection, type ServiceClient } from '@concord/messaging';
import {
  createServiceTestDatabase,
  eventually,
  EventCollector,
  publishAgreementEvent,
  testEnvName,
  testNats,
  testServiceClient,
  testUrls,
  rejection as rejectionOf,
  outsideContract,
  testServiceConfig,
} from '@concord/testing';
import pg from 'pg';
import { startTasking } from '../tasking.app';
import { migrateTaskingDatabase } from '../database/migrate-tasking';

const T = SUBJECTS.tasking;
const manager: Actor = { userId: 'manager@mcst', orgId: 'mcst-ttcs', roles: ['campaign_manager'] };
const reviewer: Actor = { userId: 'reviewer@mcst', orgId: 'mcst-ttcs', roles: ['reviewer'] };
const mofa: Actor = { userId: 'liaison@mofa', orgId: 'mofa', roles: ['liaison'] };
const mofaReviewer: Actor = { userId: 'reviewer@mofa', orgId: 'mofa', roles: ['reviewer'] };
const hcmc: Actor = { userId: 'liaison@hcmc', orgId: 'hcmc-info', roles: ['liaison'] };

const rejection = (promise: Promise<unknown>) => rejectionOf<DomainError>(promise);
/** A one-post brief of `campaignId` (TikTok, Vietnamese, no fee), with `input`'s fields instead. */
const postBrief = (
  campaignId: string,
  input: Partial<RequestOf<typeof T.briefCreate>['input']>,
): RequestOf<typeof T.briefCreate> => ({
  id: campaignId,
  input: {
    kind: 'post',
    title: 'x x',
    keyMessages: ['x'],
    platforms: ['tiktok'],
    languages: ['vi'],
    dueAt: '2026-09-01T10:00:00Z',
    quantity: 1,
    feePerDeliverable: 0,
    ...input,
  },
});

/** A time `days` from now, ISO. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

const request = (title = 'Hanoi Convention signing — explainer clips in English') => ({
  input: {
    title,
    objective: 'Explain the Hanoi Convention on cybercrime to foreign audiences',
    keyMessages: ['Viet Nam hosts the signing', 'International cooperation against cybercrime'],
    proposedPeriod: { start: '2026-10-01', end: '2026-10-31' },
    expectedDeliverables: '10 short clips in English',
    responseDeadline: inDays(14),
  },
});

describe('tasking service: joint campaign requests and campaigns, over NATS on PostgreSQL', () => {
  const env = testEnvName();
  let tasking: INestMicroservice;
  let client: ServiceClient;
  let nc: NatsConnection;
  let events: EventCollector;
  let databaseUrl: string;

  beforeAll(async () => {
    const urls = testUrls();
    const database = await createServiceTestDatabase(urls.databaseUrl);
    databaseUrl = database.adminUrl;
    tasking = await startTasking(
      {
        CONCORD_ENV: env,
        ...(await testServiceConfig(database, 'tasking', migrateTaskingDatabase)),
        LOG_LEVEL: 'error',
        TASKING_DB_POOL: 3,
      },
      false,
    );
    client = testServiceClient(testNats('gateway'), env);
    await client.connect();
    nc = await connectNats(testNats('harness'));
    events = await new EventCollector(nc, env).start();
  });
  afterAll(async () => {
    await events.stop();
    await nc.drain();
    await client.close();
    await tasking.close();
  });

  it('lets the Foreign Ministry request a joint campaign, the lead agency counter, and the ministry accept into a campaign', async () => {
    const submitted = await client.request(T.requestCreate, request(), mofa);
    expect(submitted).toMatchObject({
      fromAgencyId: 'mofa',
      toAgencyId: 'mcst-ttcs',
      status: 'submitted',
      campaignId: null,
    });
    expect((await rejection(client.request(T.requestCreate, request(), mofaReviewer))).code).toBe('auth.forbidden');

    const inbox = await client.request(T.requestList, { query: { box: 'inbox' } }, reviewer);
    expect(inbox.items.map((r) => r.id)).toContain(submitted.id);
    const outbox = await client.request(T.requestList, { query: { box: 'outbox' } }, mofa);
    expect(outbox.items.map((r) => r.id)).toContain(submitted.id);
    expect((await rejection(client.request(T.requestGet, { id: submitted.id }, hcmc))).code).toBe('not_found');

    expect((await rejection(client.request(T.requestAccept, { id: submitted.id, input: {} }, reviewer))).code).toBe(
      'auth.forbidden',
    );
    const countered = await client.request(
      T.requestCounter,
      {
        id: submitted.id,
        input: {
          proposedPeriod: { start: '2026-11-01', end: '2026-11-30' },
          message: 'October is full; November works',
        },
      },
      manager,
    );
    expect(countered).toMatchObject({
      status: 'countered',
      counterProposal: { message: 'October is full; November works', by: 'manager@mcst' },
    });
    expect(
      (await rejection(client.request(T.requestDecline, { id: submitted.id, input: { reason: 'no' } }, manager))).code,
    ).toBe('campaign_request.status_transition_forbidden');

    const accepted = await client.request(
      T.requestAccept,
      { id: submitted.id, input: { note: 'November is fine' } },
      mofa,
    );
    expect(accepted.status).toBe('accepted');
    expect(accepted.campaignId).toBeTruthy();

    const forLead = await client.request(T.campaignGet, { id: accepted.campaignId! }, reviewer);
    expect(forLead).toMatchObject({
      ownerAgencyId: 'mcst-ttcs',
      partnerAgencyIds: ['mofa'],
      status: 'planning',
      period: { start: '2026-11-01', end: '2026-11-30' },
      sourceRequestId: submitted.id,
    });
    expect(forLead.budget).toBe(0);
    const forPartner = await client.request(T.campaignGet, { id: accepted.campaignId! }, mofaReviewer);
    expect(forPartner.title).toBe(forLead.title);
    expect(forPartner.budget).toBeUndefined();
    expect((await rejection(client.request(T.campaignGet, { id: accepted.campaignId! }, hcmc))).code).toBe('not_found');

    expect((await rejection(client.request(T.campaignActivate, { id: accepted.campaignId! }, mofa))).code).toBe(
      'auth.forbidden',
    );
    const active = await client.request(T.campaignActivate, { id: accepted.campaignId! }, manager);
    expect(active.status).toBe('active');
    await events.waitFor(
      (es) =>
        es.some((e) => e.type.endsWith('campaign.created')) &&
        es.some((e) => e.type.endsWith('campaign_request.answered')),
    );
  });

  it('refuses unknown partner agencies, and a budget the campaign’s agreements do not cover, at the field, creating nothing', async () => {
    const campaignInput = (
      budget: number,
      agreementIds: string[],
      partnerAgencyIds: string[] = [],
    ): RequestOf<typeof T.campaignCreate> => ({
      input: {
        title: 'Ngày hội văn hóa đọc',
        objective: 'Reading culture',
        keyMessages: ['Đọc sách mỗi ngày'],
        platforms: ['tiktok'],
        period: { start: '2026-10-01', end: '2026-10-31' },
        budget,
        agreementIds,
        partnerAgencyIds,
      },
    });
    const count = async () => (await client.request(T.campaignList, { query: { limit: 100 } }, manager)).items.length;
    const before = await count();

    const unknownPartner = await rejection(
      client.request(T.campaignCreate, campaignInput(0, [], ['mofa', 'ministry-of-nowhere', 'mcst-ttcs']), manager),
    );
    expect(unknownPartner).toMatchObject({ code: 'agency.unknown' });
    expect(unknownPartner.errors.map((e) => [e.path, e.code])).toEqual([
      ['input.partnerAgencyIds.1', 'unknown_agency'],
      ['input.partnerAgencyIds.2', 'own_agency'],
    ]);
    const unknownTo = await rejection(
      client.request(T.requestCreate, { input: { ...request().input, toAgencyId: 'ministry-of-nowhere' } }, mofa),
    );
    expect(unknownTo).toMatchObject({
      code: 'agency.unknown',
      errors: [expect.objectContaining({ path: 'toAgencyId', code: 'unknown_agency' })],
    });

    // The agreements service's events tell tasking which agreements exist, whose, in what status, with what budget.
    const [active, terminated, others] = [newId(), newId(), newId()];
    await publishAgreementEvent(nc, env, 'activated', {
      agreementId: active,
      counterpartyId: newId(),
      budget: 300_000_000,
    });
    await publishAgreementEvent(nc, env, 'ended', {
      agreementId: terminated,
      counterpartyId: newId(),
      budget: 80_000_000,
    });
    await publishAgreementEvent(nc, env, 'activated', {
      agreementId: others,
      counterpartyId: newId(),
      agencyId: 'hcmc-info',
      budget: 900_000_000,
    });
    const over = await eventually(async () => {
      const e = await rejection(client.request(T.campaignCreate, campaignInput(300_000_001, [active]), manager));
      return e.errors?.[0]?.code === 'over_agreements' ? e : null;
    }, 'the agreement in tasking');
    expect(over).toMatchObject({
      code: 'campaign.not_funded',
      errors: [expect.objectContaining({ path: 'input.budget' })],
      extensions: { budget: 300_000_001, funded: 300_000_000 },
    });
    const notFunding = await eventually(async () => {
      const e = await rejection(
        client.request(T.campaignCreate, campaignInput(1, [active, terminated, others, newId()]), manager),
      );
      return e.errors?.[0]?.code === 'agreement_not_in_force' ? e : null;
    }, 'the ended agreement in tasking');
    expect(notFunding.errors.map((e) => [e.path, e.code])).toEqual([
      ['input.agreementIds.1', 'agreement_not_in_force'],
      ['input.agreementIds.2', 'unknown_agreement'],
      ['input.agreementIds.3', 'unknown_agreement'],
    ]);
    expect(await count()).toBe(before);

    const funded = await client.request(T.campaignCreate, campaignInput(300_000_000, [active], ['mofa']), manager);
    expect(funded).toMatchObject({ budget: 300_000_000, agreementIds: [active], partnerAgencyIds: ['mofa'] });
    const unknownAdded = await rejection(
      client.request(T.campaignAddPartner, { id: funded.id, input: { agencyId: 'ministry-of-nowhere' } }, manager),
    );
    expect(unknownAdded).toMatchObject({
      code: 'agency.unknown',
      errors: [expect.objectContaining({ path: 'agencyId', code: 'unknown_agency' })],
    });
    expect((await client.request(T.campaignGet, { id: funded.id }, manager)).partnerAgencyIds).toEqual(['mofa']);
  });

  it('declines and withdraws requests as their sides may, and runs a lead campaign through its lifecycle', async () => {
    const a = await client.request(T.requestCreate, request('Declined one'), mofa);
    expect(
      (await client.request(T.requestDecline, { id: a.id, input: { reason: 'Out of scope this year' } }, manager))
        .status,
    ).toBe('declined');
    const b = await client.request(T.requestCreate, request('Withdrawn one'), mofa);
    expect((await rejection(client.request(T.requestWithdraw, { id: b.id, input: {} }, manager))).code).toBe(
      'auth.forbidden',
    );
    expect(
      (await client.request(T.requestWithdraw, { id: b.id, input: { note: 'Merged into another request' } }, mofa))
        .status,
    ).toBe('withdrawn');

    const campaign = await client.request(
      T.campaignCreate,
      {
        input: {
          title: 'Hướng về lá cờ Tổ quốc 2026',
          objective: 'National flag campaign for 2 September',
          keyMessages: ['Tự hào lá cờ Tổ quốc'],
          requiredHashtags: ['#HuongVeLaCoToQuoc'],
          platforms: ['tiktok', 'facebook'],
          period: { start: '2026-08-20', end: '2026-09-05' },
          budget: 500_000_000,
        },
      },
      manager,
    );
    expect(campaign).toMatchObject({ status: 'planning', budget: 500_000_000, partnerAgencyIds: [] });
    expect((await rejection(client.request(T.campaignGet, { id: campaign.id }, mofa))).code).toBe('not_found');
    const withPartner = await client.request(
      T.campaignAddPartner,
      { id: campaign.id, input: { agencyId: 'hcmc-info' } },
      manager,
    );
    expect(withPartner.partnerAgencyIds).toEqual(['hcmc-info']);
    expect((await client.request(T.campaignGet, { id: campaign.id }, hcmc)).title).toBe('Hướng về lá cờ Tổ quốc 2026');
    const partnerList = await client.request(T.campaignList, { query: {} }, hcmc);
    expect(partnerList.items.map((c) => c.id)).toEqual([campaign.id]);

    const brief = await client.request(
      T.briefCreate,
      {
        id: campaign.id,
        input: {
          kind: 'short_video',
          title: 'Lá cờ trên đỉnh Lũng Cú',
          keyMessages: ['Tự hào lá cờ Tổ quốc'],
          platforms: ['tiktok'],
          languages: ['vi'],
          dueAt: '2026-09-01T10:00:00Z',
          quantity: 20,
          feePerDeliverable: 3_000_000,
        },
      },
      manager,
    );
    expect(brief.feePerDeliverable).toBe(3_000_000);
    expect(
      (
        await rejection(
          client.request(
            T.briefCreate,
            postBrief(campaign.id, { title: 'x x', platforms: outsideContract(['myspace']) }),
            manager,
          ),
        )
      ).errors[0].path,
    ).toBe('input.platforms.0');
    expect(
      (await rejection(client.request(T.briefCreate, postBrief(campaign.id, { title: 'Not mine' }), hcmc))).code,
    ).toBe('auth.forbidden');
    const partnerBriefs = await client.request(T.briefList, { id: campaign.id }, hcmc);
    expect(partnerBriefs.items.map((b) => b.id)).toEqual([brief.id]);
    expect(partnerBriefs.items[0].feePerDeliverable).toBeUndefined();
    expect((await rejection(client.request(T.briefList, { id: campaign.id }, mofa))).code).toBe('not_found');

    await client.request(T.campaignActivate, { id: campaign.id }, manager);
    expect(
      (await client.request(T.campaignClose, { id: campaign.id, input: { reason: 'Campaign period over' } }, manager))
        .status,
    ).toBe('closed');
    const again = await rejection(
      client.request(T.campaignCancel, { id: campaign.id, input: { reason: 'x' } }, manager),
    );
    expect(again.code).toBe('campaign.status_transition_forbidden');
    expect(again.extensions).toMatchObject({ from: 'closed', allowed: [] });
  });

  it('lets one agency ask another for work, which the other answers and works, with overdue tasks flagged', async () => {
    const ask = (title: string, dueAt: string) =>
      client.request(
        T.taskCreate,
        {
          input: {
            toAgencyId: 'mcst-ttcs',
            title,
            description: '10 short clips in English on the Hanoi Convention signing',
            dueAt,
          },
        },
        mofa,
      );
    const late = await ask('Clips for the signing (late)', inDays(1));
    const onTime = await ask('Clips for the signing', '2099-01-01T00:00:00Z');
    expect(onTime.overdue).toBe(false);
    // The first task's due time passes.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query(`UPDATE tasking.agency_tasks SET due_at = now() - interval '1 day' WHERE id = $1`, [late.id]);
    await db.end();
    expect(await client.request(T.taskGet, { id: late.id }, mofa)).toMatchObject({ status: 'proposed', overdue: true });
    expect(
      (
        await rejection(
          client.request(
            T.taskCreate,
            { input: { toAgencyId: 'mofa', title: 'x to self', description: 'x', dueAt: '2099-01-01T00:00:00Z' } },
            mofa,
          ),
        )
      ).errors[0].path,
    ).toBe('toAgencyId');

    const overdue = await client.request(T.taskList, { query: { box: 'inbox', overdue: true } }, reviewer);
    expect(overdue.items.map((t) => t.id)).toEqual([late.id]);
    expect((await client.request(T.taskList, { query: { box: 'outbox' } }, mofa)).items.map((t) => t.id)).toEqual([
      late.id,
      onTime.id,
    ]);
    expect((await rejection(client.request(T.taskGet, { id: late.id }, hcmc))).code).toBe('not_found');

    expect((await rejection(client.request(T.taskMove, { id: onTime.id, move: 'accept', input: {} }, mofa))).code).toBe(
      'auth.forbidden',
    );
    expect(
      (await rejection(client.request(T.taskMove, { id: onTime.id, move: 'accept', input: {} }, reviewer))).code,
    ).toBe('auth.forbidden');
    await client.request(T.taskMove, { id: onTime.id, move: 'accept', input: {} }, manager);
    await client.request(T.taskMove, { id: onTime.id, move: 'start', input: {} }, manager);
    const done = await client.request(
      T.taskMove,
      { id: onTime.id, move: 'complete', input: { note: 'Published' } },
      manager,
    );
    expect(done.statusHistory.map((h) => h.to)).toEqual(['proposed', 'accepted', 'in_progress', 'done']);
    expect((await rejection(client.request(T.taskMove, { id: onTime.id, move: 'cancel', input: {} }, mofa))).code).toBe(
      'agency_task.status_transition_forbidden',
    );
    expect(
      await client.request(T.taskMove, { id: late.id, move: 'cancel', input: { note: 'Too late now' } }, mofa),
    ).toMatchObject({ status: 'cancelled', overdue: false });
  });

  it('refuses work asked for already overdue, and a campaign it cannot see as one that does not exist', async () => {
    const ask = (dueAt: string, campaignId?: string) =>
      rejection(
        client.request(
          T.taskCreate,
          {
            input: {
              toAgencyId: 'mcst-ttcs',
              title: 'Clips',
              description: 'x',
              dueAt,
              ...(campaignId ? { campaignId } : {}),
            },
          },
          mofa,
        ),
      );
    const overdue = await ask('2020-01-01T00:00:00Z');
    expect(overdue).toMatchObject({ code: 'due_date.past', errors: [{ path: 'dueAt', code: 'past' }] });
    const overdueRequest = await rejection(
      client.request(
        T.requestCreate,
        { input: { ...request().input, responseDeadline: '2020-01-01T08:00:00+07:00' } },
        mofa,
      ),
    );
    expect(overdueRequest).toMatchObject({ code: 'due_date.past', errors: [{ path: 'responseDeadline' }] });

    // hcmc's own campaign exists, but mofa cannot see it: the same answer as a campaign that never existed.
    const hidden = await client.request(
      T.campaignCreate,
      {
        input: {
          title: 'Hồ Chí Minh City services',
          objective: 'x',
          keyMessages: ['x'],
          platforms: ['tiktok'],
          period: { start: '2026-10-01', end: '2026-10-31' },
          budget: 0,
        },
      },
      manager,
    );
    const unknown = await ask(inDays(3), '01900000-0000-7000-8000-000000000000');
    const notVisible = await ask(inDays(3), hidden.id);
    expect(unknown).toMatchObject({ code: 'not_found', errors: [{ path: 'campaignId', code: 'not_found' }] });
    const shape = (e: DomainError) => ({ code: e.code, errors: e.errors, resource: e.extensions.resource });
    expect(shape(notVisible)).toEqual(shape(unknown));
  });
});
