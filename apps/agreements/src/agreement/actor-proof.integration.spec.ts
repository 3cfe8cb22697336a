import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { namespaceSubject, SUBJECTS, type Actor, type Envelope } from '@concord/domain';
import { ActorProofVerifier, connectNats, type NatsConnection } from '@concord/messaging';
import { testActorConfig, testNats } from '@concord/testing';
import { startAgreementsWithRegistry, type AgreementsUnderTest } from '../test/agreements.test-helpers';

const manager: Actor = { userId: 'manager@mcst', orgId: 'mcst-ttcs', roles: ['campaign_manager'] };
const registrar: Actor = { userId: 'registrar@mcst', orgId: 'mcst-ttcs', roles: ['registry_officer'] };

/**
 * When agreements asks the registry about a counterparty on a user's
 * behalf, the registry is asked as that user (its permissions apply to
 * them), and agreements vouches for them with its own key (ADR 0014).
 */
describe('agreements asks the registry as the original user, vouched for by agreements', () => {
  let sut: AgreementsUnderTest;
  let nc: NatsConnection;

  beforeAll(async () => {
    sut = await startAgreementsWithRegistry();
    nc = await connectNats(testNats('harness'));
  });
  afterAll(async () => {
    await nc.drain();
    await sut.stop();
  });

  it("carries the drafting manager, with agreements' proof, to the registry's counterparty look-up", async () => {
    const handle = `kol_${randomBytes(3).toString('hex')}`;
    const creator = await sut.client.request(
      SUBJECTS.registry.creatorCreate,
      {
        input: {
          kind: 'individual',
          displayName: 'Đặng Minh Châu Travel',
          topics: ['tourism'],
          languages: ['vi'],
          channels: [
            {
              platform: 'youtube',
              handle,
              url: `https://www.youtube.com/@${handle}`,
              followers: 250000,
              verified: true,
            },
          ],
        },
      },
      registrar,
    );
    // A second subscriber on the registry's subject sees what the registry is sent.
    const wire = namespaceSubject(sut.env, SUBJECTS.registry.creatorGet);
    const seen = nc.subscribe(wire, { max: 1 });
    await nc.flush();
    const draft = await sut.client.request(
      SUBJECTS.agreements.create,
      {
        input: {
          kind: 'service_contract',
          counterpartyId: creator.id,
          title: 'Quảng bá du lịch Điện Biên Phủ 2026',
          scope: '10 short videos',
          term: { start: '2026-01-01', end: '2026-12-31' },
          budget: 150_000_000,
          deliverables: [{ platform: 'youtube', quantity: 10 }],
          disclosureLabel: '#HợpTác cùng Cục TTCS&TTĐN',
          usageRights: { durationMonths: 24, channels: ['youtube'], territories: ['VN'] },
        },
      },
      manager,
    );
    expect(draft.counterparty).toMatchObject({ id: creator.id });

    let asked: Envelope | undefined;
    for await (const m of seen) asked = (m.json() as { data: Envelope }).data;
    expect(asked?.actor).toEqual(manager);
    expect(asked?.data).toEqual({ id: creator.id });
    const verdict = new ActorProofVerifier(testActorConfig('registry').CONCORD_ACTOR_ISSUERS).verify(wire, asked);
    expect(verdict).toEqual({ proven: true, issuer: 'agreements' });
  });
});
