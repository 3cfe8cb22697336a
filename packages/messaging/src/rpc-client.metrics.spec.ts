import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsConnection } from '@nats-io/transport-node';
import { freePort } from '@concord/database';
import { DomainError, namespaceSubject, SUBJECTS, type Actor } from '@concord/domain';
import { connectNats } from './nats-connection';
import { startNatsServer, type RunningNats } from '@concord/local-servers';
import { METRICS, ProcessMetrics, readSample } from './metrics';
import { ServiceClient } from './rpc-client';

const actor: Actor = { userId: 'manager@mcst', orgId: 'mcst-ttcs', roles: ['campaign_manager'] };
const id = '0190f3b2-7c4e-7000-8000-000000000000';
/** One namespace per behaviour of the service asked: it answers, answers with a problem, never answers, is not there. */
const ENVS = { ok: 'cm_ok', problem: 'cm_problem', silent: 'cm_silent', absent: 'cm_absent' } as const;

/** A caller counts each request it sends by subject (as in code) and outcome, on a real nats-server (ADR 0027). */
describe('ServiceClient metrics', () => {
  let nats: RunningNats;
  let responder: NatsConnection;
  const clients: ServiceClient[] = [];
  const metrics = new ProcessMetrics('gateway');
  const clientOf = (env: string) => {
    const client = new ServiceClient(nats.url, env, 2000, undefined, metrics);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'concord-client-metrics-'));
    nats = await startNatsServer({ port: await freePort(), storeDir: join(root, 'nats') });
    responder = await connectNats({ servers: nats.url });
    const answer = (env: string, reply: (requestId: string) => unknown) => {
      const sub = responder.subscribe(namespaceSubject(env, SUBJECTS.registry.creatorGet));
      void (async () => {
        for await (const m of sub) {
          const body = reply(m.json<{ id: string }>().id);
          if (body) m.respond(JSON.stringify(body));
        }
      })();
    };
    answer(ENVS.ok, (requestId) => ({ id: requestId, response: { ok: true }, isDisposed: true }));
    answer(ENVS.problem, (requestId) => ({
      id: requestId,
      err: new DomainError('not_found', 'no such creator').toProblem(),
      isDisposed: true,
    }));
    answer(ENVS.silent, () => null);
    await responder.flush();
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) await client.close();
    await responder?.drain();
    await nats?.stop();
  });

  const count = async (outcome: string) =>
    readSample(await metrics.text(), METRICS.natsClientRequests, { subject: SUBJECTS.registry.creatorGet, outcome });

  it('counts ok, a problem by its code, a timeout and no responders', async () => {
    await clientOf(ENVS.ok).request(SUBJECTS.registry.creatorGet, { id }, actor);
    await expect(clientOf(ENVS.problem).request(SUBJECTS.registry.creatorGet, { id }, actor)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      clientOf(ENVS.silent).request(SUBJECTS.registry.creatorGet, { id }, actor, { timeoutMs: 200 }),
    ).rejects.toMatchObject({ code: 'service.outcome_unknown' });
    await expect(clientOf(ENVS.absent).request(SUBJECTS.registry.creatorGet, { id }, actor)).rejects.toMatchObject({
      code: 'service.unavailable',
    });

    expect(await count('ok')).toBe(1);
    expect(await count('not_found')).toBe(1);
    expect(await count('timeout')).toBe(1);
    expect(await count('no_responders')).toBe(1);
  });
});
