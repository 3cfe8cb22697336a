import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect, type Subscription } from '@nats-io/transport-node';
import { createEnvelope, EVENTS, namespaceSubject, SUBJECTS } from '@concord/domain';
import {
  BUS,
  BUS_SERVICES,
  connectNats,
  createBusNkey,
  natsOptions,
  productionAuthorizationConfig,
  writeNatsServerConfig,
  type BusIdentity,
  type BusSeeds,
  type NatsConnection,
} from '@concord/messaging';
import { startNatsServer, type RunningNats } from '@concord/local-servers';
import { EventCollector, freePort, publishEvent, rejection, staff, testNats } from '@concord/testing';
import { repoRoot } from '../support/paths';
import { startTestSystem, type TestSystem } from '../support/system';

/**
 * The bus is a trust boundary of its own: nats-server refuses a client
 * without credentials, and each identity (bus-permissions.ts) may publish and
 * subscribe only to what it needs. A registry whose credentials leak cannot
 * drive the agreements service, forge another service's events, or listen
 * to anyone's requests or replies. NATS answers a violation asynchronously:
 * the client's request fails or its subscription closes with the error, and
 * a marker sent afterwards by an allowed client shows nothing got through.
 */
describe('NATS authentication and per-identity permissions', () => {
  let sys: TestSystem;
  let env: string;
  const connections: NatsConnection[] = [];
  const as = async (identity: BusIdentity | 'harness') => {
    const nc = await connectNats({ ...testNats(identity, sys.config.NATS_URL), maxReconnectAttempts: 0 });
    connections.push(nc);
    return nc;
  };
  const wire = (subject: string) => namespaceSubject(env, subject);
  const message = (subject: string) =>
    JSON.stringify({ pattern: wire(subject), data: createEnvelope(subject, staff.admin, {}), id: 'x' });
  /** Waits until `sub` has seen a marker published after everything before it, and says what it saw before the marker. */
  const seenBefore = async (sub: Subscription, markerSubject: string, from: NatsConnection): Promise<string[]> => {
    const seen: string[] = [];
    from.publish(markerSubject, 'marker');
    for await (const m of sub) {
      if (m.subject === markerSubject && m.string() === 'marker') return seen;
      seen.push(m.subject);
    }
    throw new Error('the subscription ended before the marker');
  };

  beforeAll(async () => {
    sys = await startTestSystem();
    env = sys.config.CONCORD_ENV;
  });
  afterAll(async () => {
    for (const nc of connections) await nc.close().catch(() => undefined);
    await sys.stop();
  });

  it('refuses a client without credentials, or with a key it does not know', async () => {
    const anonymous = await rejection(connect({ servers: sys.config.NATS_URL, maxReconnectAttempts: 0 }));
    expect(anonymous.message).toMatch(/Authorization Violation/);
    const stranger = await rejection(
      connect({
        ...natsOptions('registry', { NATS_URL: sys.config.NATS_URL, NATS_NKEY_SEED: createBusNkey().seed }),
        maxReconnectAttempts: 0,
      }),
    );
    expect(stranger.message).toMatch(/Authorization Violation/);
  });

  it("refuses the registry's credentials on the agreements service's requests, which never reach it", async () => {
    const registry = await as('registry');
    const harness = await as('harness');
    const listener = harness.subscribe(wire('concord.agreements.>'));
    await harness.flush();

    const refused = await rejection(
      registry.request(wire(SUBJECTS.agreements.create), message(SUBJECTS.agreements.create), { timeout: 5000 }),
    );
    expect(refused.message).toMatch(
      new RegExp(`Permissions Violation for Publish to "${wire(SUBJECTS.agreements.create).replace(/\./g, '\\.')}"`),
    );
    await registry.flush();
    expect(await seenBefore(listener, wire('concord.agreements.marker'), harness)).toEqual([]);

    // The same credentials do what the registry needs: it answers its own subjects, and the agreements service may ask it.
    const agreements = await as('agreements');
    const answered = await agreements.request(wire(SUBJECTS.registry.health), message(SUBJECTS.registry.health), {
      timeout: 5000,
    });
    expect(answered.json()).toMatchObject({ id: 'x' });
  });

  it('lets no service send requests to a service it does not call', async () => {
    for (const identity of ['registry', 'agreements', 'tasking', 'approvals'] as const) {
      const nc = await as(identity);
      const callable = new Set<string>(BUS[identity].calls);
      for (const service of BUS_SERVICES.filter((s) => !callable.has(s))) {
        const subject = wire(SUBJECTS[service].health);
        const refused = await rejection(nc.request(subject, message(SUBJECTS[service].health), { timeout: 5000 }));
        expect(`${identity} → ${service}: ${refused.message}`).toMatch(/Permissions Violation for Publish/);
      }
    }
  });

  it("refuses a service's credentials on another service's events, which never reach the stream", async () => {
    const registry = await as('registry');
    const harness = await as('harness');
    const events = await new EventCollector(harness, env).start();
    try {
      const forged = await rejection(
        publishEvent(registry, env, EVENTS.agreements.activated, staff.admin, {
          agreementId: 'forged',
          counterpartyId: 'forged',
        }),
      );
      expect(forged.message).toMatch(
        /Permissions Violation for Publish to "concord\.[a-z0-9_]+\.events\.agreements\.agreement\.activated"/,
      );
      for (const [identity, other] of [
        ['tasking', EVENTS.approvals.submissionApproved],
        ['approvals', EVENTS.tasking.assignmentOffered],
        ['gateway', EVENTS.registry.creatorUpdated],
      ] as const) {
        const refused = await rejection(publishEvent(await as(identity), env, other, staff.admin, {}));
        expect(`${identity}: ${refused.message}`).toMatch(/Permissions Violation for Publish/);
      }
      // Its own events it may publish; the stream holds that one and none of the forged.
      const own = await publishEvent(registry, env, EVENTS.registry.creatorUpdated, staff.registrar, {
        note: 'the registry itself',
      });
      await events.waitFor((seen) => seen.some((e) => e.id === own));
      expect(events.events.map((e) => e.subject)).toEqual([wire(EVENTS.registry.creatorUpdated)]);
    } finally {
      await events.stop();
    }
  });

  it("lets no identity subscribe to another service's requests, nor read anyone else's replies", async () => {
    for (const identity of ['gateway', ...BUS_SERVICES] as const) {
      const nc = await as(identity);
      const answers: string | null = BUS[identity].answers;
      const othersInbox = identity === 'gateway' ? '_INBOX.registry.>' : '_INBOX.gateway.>';
      const foreign = [
        ...BUS_SERVICES.filter((s) => s !== answers).map((s) => wire(`concord.${s}.>`)),
        othersInbox,
        '_INBOX.>',
        '>',
      ];
      for (const subject of foreign) {
        const closed = await nc.subscribe(subject).closed;
        expect(`${identity} subscribing to ${subject}: ${closed?.message}`).toMatch(
          /Permissions Violation for Subscription/,
        );
      }
    }
    // The requests the gateway sends still reach the one service that should answer them.
    const reviewer = await sys.as('reviewer@mcst');
    expect((await reviewer.GET('/v1/creators')).response.status).toBe(200);
  });
});

/**
 * `npm start` pins the permissions to its environment (CONCORD_ENV): the
 * registry of one namespace cannot answer, or listen to, another's.
 */
describe('NATS permissions pinned to one environment (as npm start writes them)', () => {
  let dir: string;
  let nats: RunningNats;
  let seeds: BusSeeds;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'concord-bus-'));
    seeds = Object.fromEntries(
      ['gateway', ...BUS_SERVICES].map((identity) => [identity, createBusNkey().seed]),
    ) as BusSeeds;
    const base = join(repoRoot, 'infra/nats/nats-server.conf');
    const configFile = writeNatsServerConfig(join(dir, 'nats-server.conf'), base, seeds, 'alpha');
    nats = await startNatsServer({ port: await freePort(), storeDir: join(dir, 'nats'), configFile });
  });
  afterAll(async () => {
    await nats.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers the registry's requests of its own environment only", async () => {
    const registry = await connectNats({
      ...natsOptions('registry', { NATS_URL: nats.url, NATS_NKEY_SEED: seeds.registry }),
      maxReconnectAttempts: 0,
    });
    const gateway = await connectNats({
      ...natsOptions('gateway', { NATS_URL: nats.url, NATS_NKEY_SEED: seeds.gateway }),
      maxReconnectAttempts: 0,
    });
    try {
      registry.subscribe('concord.alpha.registry.>', { callback: (_, m) => void m.respond('pong') });
      await registry.flush();
      expect((await gateway.request('concord.alpha.registry.health.check', 'ping', { timeout: 5000 })).string()).toBe(
        'pong',
      );

      const other = registry.subscribe('concord.beta.registry.>');
      expect((await other.closed)?.message).toMatch(
        /Permissions Violation for Subscription to "concord\.beta\.registry\.>"/,
      );
      const refused = await rejection(gateway.request('concord.beta.registry.health.check', 'ping', { timeout: 5000 }));
      expect(refused.message).toMatch(/Permissions Violation for Publish/);
    } finally {
      await registry.close();
      await gateway.close();
    }
  });
});

describe('the production authorization (infra/nats/authorization.production.conf)', () => {
  it('is what the permission table generates (npm run nats:authorization rewrites it)', () => {
    const committed = readFileSync(join(repoRoot, 'infra/nats/authorization.production.conf'), 'utf8');
    expect(committed).toBe(productionAuthorizationConfig());
    for (const identity of ['gateway', ...BUS_SERVICES])
      expect(committed).toContain(`nkey: $${identity.toUpperCase()}_NATS_NKEY,`);
  });
});
