import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsConnection } from '@nats-io/transport-node';
import { freePort } from '@concord/database';
import { namespaceSubject, SUBJECTS, type Actor } from '@concord/domain';
import { connectNats } from './nats-connection';
import { startNatsServer, type RunningNats } from '@concord/local-servers';
import { REQUEST_ID_HEADER, withRequestId } from './request-context';
import { ServiceClient } from './rpc-client';

const ENV = 'reqid';
const actor: Actor = { userId: 'manager@mcst', orgId: 'mcst-ttcs', roles: ['campaign_manager'] };

/** A service calling another passes on the request it is handling: in the header and as the correlation id. */
describe('ServiceClient and the request id', () => {
  let nats: RunningNats;
  let responder: NatsConnection;
  let client: ServiceClient;
  const seen: { header: string; correlationId: string }[] = [];

  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'concord-request-id-'));
    nats = await startNatsServer({ port: await freePort(), storeDir: join(root, 'nats') });
    responder = await connectNats({ servers: nats.url });
    const sub = responder.subscribe(namespaceSubject(ENV, SUBJECTS.registry.creatorGet));
    void (async () => {
      for await (const m of sub) {
        const { data, id } = m.json<{ id: string; data: { correlationId: string } }>();
        seen.push({ header: m.headers?.get(REQUEST_ID_HEADER) ?? '', correlationId: data.correlationId });
        m.respond(JSON.stringify({ id, response: { ok: true }, isDisposed: true }));
      }
    })();
    await responder.flush();
    client = new ServiceClient(nats.url, ENV, 2000);
  }, 60_000);

  afterAll(async () => {
    await client?.close();
    await responder?.drain();
    await nats?.stop();
  });

  it('sends the current request id as Concord-Request-Id and the correlation id', async () => {
    seen.length = 0;
    await withRequestId('gw-req-1', () =>
      client.request(SUBJECTS.registry.creatorGet, { id: '0190f3b2-7c4e-7000-8000-000000000000' }, actor),
    );
    expect(seen).toEqual([{ header: 'gw-req-1', correlationId: 'gw-req-1' }]);
  });

  it('outside a request, names the correlation id it is given, else its envelope', async () => {
    seen.length = 0;
    await client.request(SUBJECTS.registry.creatorGet, { id: '0190f3b2-7c4e-7000-8000-000000000000' }, actor, {
      correlationId: 'job-7',
    });
    await client.request(SUBJECTS.registry.creatorGet, { id: '0190f3b2-7c4e-7000-8000-000000000000' }, actor);
    expect(seen[0]).toEqual({ header: 'job-7', correlationId: 'job-7' });
    expect(seen[1]!.header).toBe(seen[1]!.correlationId);
  });
});
