import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENTS, SUBJECTS, type Actor, type DomainError } from '@concord/domain';
import { EventCollector, rejection as rejectionOf } from '@concord/testing';
import {
  activeCampaignWithBrief,
  actors,
  eventually,
  newId,
  publishAgreementEvent,
  registerCreator,
  startTaskingTestSystem,
  type TaskingTestSystem,
} from '../test/tasking.test-helpers';

const T = SUBJECTS.tasking;
const rejection = (promise: Promise<unknown>) => rejectionOf<DomainError>(promise);
const MAX_ATTEMPTS = 3;

/**
 * Nothing stalls for ever: a fan-out whose registry query keeps failing is
 * retried a few times with backoff and then failed with the reason; twenty
 * and more such fan-outs do not starve a healthy one; a campaign manager
 * cancels a running fan-out.
 */
describe('fan-outs that fail, wait their turn, or are cancelled', () => {
  let sys: TaskingTestSystem;
  let events: EventCollector;
  let campaignId: string;
  let briefId: string;
  let creators: string[];

  /**
   * A fan-out whose registry query fails on every attempt: its stored filter
   * names a platform the registry refuses (as a fan-out stored by an older
   * release might), so each batch's query is answered with an error.
   */
  const failingFanOut = async (createdAt = 'now()') => {
    const id = newId();
    await sys.db.query(
      `INSERT INTO fan_outs (id, brief_id, campaign_id, target, filter, overrides, actor, correlation_id, status, created_by, created_at)
       VALUES ($1, $2, $3, 'filter', '{"platform":"myspace"}', '[]', $4, 'test', 'running', $5, ${createdAt})`,
      [id, briefId, campaignId, JSON.stringify(actors.manager), actors.manager.userId],
    );
    return id;
  };
  const getFanOut = (id: string, actor: Actor = actors.manager) =>
    sys.client.request(T.fanOutGet, { id, query: {} }, actor);
  const cancel = (id: string, actor: Actor = actors.manager, reason = 'Wrong audience: stop offering') =>
    sys.client.request(T.fanOutCancel, { id, input: { reason } }, actor);

  beforeAll(async () => {
    sys = await startTaskingTestSystem({
      tasking: { TASKING_FANOUT_MAX_ATTEMPTS: MAX_ATTEMPTS, TASKING_FANOUT_RETRY_MS: 1000, TASKING_FANOUT_WAIT_MS: 1 },
    });
    events = await new EventCollector(sys.nc, sys.env).start();
    const company = await registerCreator(sys.client, 'Công ty Truyền thông Sen Vàng', { kind: 'management_company' });
    creators = await Promise.all(
      ['Hà Giang Ký Sự', 'Cơm Nhà Bà Tư'].map((name) => registerCreator(sys.client, name, { companyId: company })),
    );
    const agreementId = newId();
    await publishAgreementEvent(sys, 'activated', {
      agreementId,
      counterpartyId: company,
      deliverables: [{ platform: 'tiktok', quantity: 50 }],
    });
    await eventually(
      async () =>
        (await sys.db.query('SELECT 1 FROM agreement_coverage WHERE agreement_id = $1', [agreementId])).length,
      'the agreement in the read model',
    );
    ({ campaignId, briefId } = await activeCampaignWithBrief(sys.client, {
      campaign: 'Mùa lúa chín',
      brief: 'Terraces at harvest',
    }));
  });
  afterAll(async () => {
    await events.stop();
    await sys.stop();
  });

  it('runs a healthy fan-out while 25 older ones keep failing, and fails those after a bounded number of attempts, with the reason', async () => {
    const failing: string[] = [];
    for (let i = 0; i < 25; i++)
      failing.push(await failingFanOut(`now() - interval '1 hour' + interval '${i} seconds'`));

    const started = await sys.client.request(
      T.fanOutStart,
      { id: briefId, input: { creatorIds: creators } },
      actors.manager,
    );
    const healthy = await eventually(
      async () => {
        const view = await getFanOut(started.id);
        return view.status === 'completed' ? view : null;
      },
      'the healthy fan-out to complete',
      30_000,
    );
    expect(healthy).toMatchObject({ processed: 2, offered: 2, reason: null, failedAttempts: 0 });

    // Each failing fan-out is tried MAX_ATTEMPTS times (1 s, then 2 s apart), then failed: none is left retrying for ever.
    await eventually(
      async () => {
        const [{ running }] = await sys.db.query(
          `SELECT count(*)::int AS running FROM fan_outs WHERE id = ANY($1) AND status = 'running'`,
          [failing],
        );
        return running === 0;
      },
      'every failing fan-out to give up',
      60_000,
    );
    const view = await getFanOut(failing[0]);
    expect(view).toMatchObject({ status: 'failed', failedAttempts: MAX_ATTEMPTS, processed: 0 });
    expect(view.reason).toMatch(/platform/);
    expect(view.completedAt).not.toBeNull();
    const rows: { status: string; failed_attempts: number }[] = await sys.db.query(
      'SELECT status, failed_attempts FROM fan_outs WHERE id = ANY($1)',
      [failing],
    );
    expect(rows.every((r) => r.status === 'failed' && r.failed_attempts === MAX_ATTEMPTS)).toBe(true);

    const failedEvents = await events.waitFor(
      (es) => es.filter((e) => e.type === EVENTS.tasking.fanOutFailed).length >= failing.length,
    );
    const failedIds = failedEvents
      .filter((e) => e.type === EVENTS.tasking.fanOutFailed)
      .map((e) => (e.data as { fanOutId: string }).fanOutId);
    expect(failedIds.sort()).toEqual([...failing].sort());
    const [audit] = await sys.db.query(
      `SELECT action, reason FROM audit_entries WHERE action = 'fan_out.failed' AND data->>'fanOutId' = $1`,
      [failing[0]],
    );
    expect(audit.reason).toMatch(/platform/);
  });

  it('lets a campaign manager cancel a running fan-out (audited, with an event), and nobody else', async () => {
    const id = await failingFanOut();
    expect((await rejection(cancel(id, actors.reviewer))).code).toBe('auth.forbidden');
    expect((await rejection(cancel(id, actors.mofa))).code).toBe('not_found');

    const cancelled = await cancel(id);
    expect(cancelled).toMatchObject({ id, status: 'cancelled', reason: 'Wrong audience: stop offering' });
    expect(cancelled.completedAt).not.toBeNull();
    expect((await rejection(cancel(id))).code).toBe('fan_out.status_transition_forbidden');

    await events.waitFor((es) =>
      es.some((e) => e.type === EVENTS.tasking.fanOutCancelled && (e.data as { fanOutId: string }).fanOutId === id),
    );
    const [audit] = await sys.db.query(
      `SELECT actor_user_id, reason FROM audit_entries WHERE action = 'fan_out.cancelled' AND data->>'fanOutId' = $1`,
      [id],
    );
    expect(audit).toEqual({ actor_user_id: actors.manager.userId, reason: 'Wrong audience: stop offering' });

    // The runner leaves it alone from then on.
    const before = await getFanOut(id);
    await new Promise((r) => setTimeout(r, 2500));
    expect(await getFanOut(id)).toMatchObject({ status: 'cancelled', failedAttempts: before.failedAttempts });
  });
});
