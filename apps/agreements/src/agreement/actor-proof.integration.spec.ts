import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { namespaceSubject, SUBJECTS, type Envelope } from '@concord/domain';
import { ActorProofVerifier, connectNats, type NatsConnection } from '@concord/messaging';
import { staff, testActorConfig, testNats } from '@concord/testing';
import {
  agreementDraft,
  registerCounterparty,
  startAgreementsWithRegistry,
  type AgreementsUnderTest,
} from '../test/agreements.test-helpers';

const { manager } = staff;

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
    const creator = await registerCounterparty(sut.client, { displayName: 'Đặng Minh Châu Travel' });
    // A second subscriber on the registry's subject sees what the registry is sent.
    const wire = namespaceSubject(sut.env, SUBJECTS.registry.creatorGet);
    const seen = nc.subscribe(wire, { max: 1 });
    await nc.flush();
    const draft = await sut.client.request(SUBJECTS.agreements.create, { input: agreementDraft(creator.id) }, manager);
    expect(draft.counterparty).toMatchObject({ id: creator.id });

    let asked: Envelope | undefined;
    for await (const m of seen) asked = (m.json() as { data: Envelope }).data;
    expect(asked?.actor).toEqual(manager);
    expect(asked?.data).toEqual({ id: creator.id });
    const verdict = new ActorProofVerifier(testActorConfig('registry').CONCORD_ACTOR_ISSUERS).verify(wire, asked);
    expect(verdict).toEqual({ proven: true, issuer: 'agreements' });
  });
});
