import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { LoggerService } from '@nestjs/common';
import {
  createEnvelope,
  namespaceSubject,
  SUBJECTS,
  type Actor,
  type CreatorView,
  type Envelope,
  type Problem,
} from '@concord/domain';
import { ActorProofSigner, generateActorKeyPair } from '@concord/messaging';
import { EventCollector, testActorSigner, testNats, testServiceClient } from '@concord/testing';
import { actors, registration, startTestRegistry, type TestRegistry } from '../test/registry.test-helpers';

const S = SUBJECTS.registry;
const mallory: Actor = { userId: 'mallory@nowhere', orgId: 'mcst-ttcs', roles: ['admin'] };

/** Captures what the registry logs, to see that refusals are logged. */
class CapturingLogger implements LoggerService {
  readonly warnings: string[] = [];
  log(): void {}
  error(): void {}
  warn(message: unknown): void {
    this.warnings.push(String(message));
  }
}

/**
 * What a process holding valid NATS credentials but no issuer key can do:
 * send hand-made envelopes. Each is refused with `actor.unproven` and
 * changes nothing (ADR 0014).
 */
describe('registry: a request is accepted only when its actor is proven', () => {
  let r: TestRegistry;
  let events: EventCollector;
  const logger = new CapturingLogger();
  let existing: CreatorView;
  let counts: Record<string, number>;

  /** Sends an envelope as it is, on `subject`, over the test's own NATS connection; returns the problem or the answer. */
  const send = async (subject: string, envelope: Envelope): Promise<{ err?: Problem; response?: unknown }> => {
    const wire = namespaceSubject(r.config.CONCORD_ENV, subject);
    const reply = await r.nc.request(wire, JSON.stringify({ pattern: wire, data: envelope, id: envelope.id }), {
      timeout: 10_000,
    });
    return reply.json();
  };
  const wire = (subject: string) => namespaceSubject(r.config.CONCORD_ENV, subject);
  const signed = async (
    subject: string,
    envelope: Envelope,
    signer = testActorSigner('gateway'),
    now?: Date,
  ): Promise<Envelope> => ({
    ...envelope,
    proof: signer.sign(wire(subject), envelope, now),
  });
  const rowCounts = async () => {
    const [row] = await r.db
      .query(`SELECT (SELECT count(*) FROM creators)::int AS creators, (SELECT count(*) FROM audit_entries)::int AS audit,
      (SELECT count(*) FROM outbox)::int AS outbox, (SELECT count(*) FROM processed_commands)::int AS commands`);
    return row as Record<string, number>;
  };
  const expectRefused = async (reply: { err?: Problem; response?: unknown }, reason: string) => {
    expect(reply.response).toBeUndefined();
    expect(reply.err).toMatchObject({ code: 'actor.unproven', reason });
    expect(await rowCounts()).toEqual(counts);
  };

  beforeAll(async () => {
    r = await startTestRegistry({ logger });
    events = await new EventCollector(r.nc, r.config.CONCORD_ENV).start();
    existing = await r.client.request(S.creatorCreate, { input: registration() }, actors.registrar);
  });
  afterAll(async () => {
    await events.stop();
    await r.stop();
  });
  beforeEach(async () => {
    counts = await rowCounts();
  });

  it('refuses an envelope without a proof that claims an invented admin, logs the attempt, and registers no one', async () => {
    const input = registration({ displayName: 'Mallory Was Here' });
    await expectRefused(await send(S.creatorCreate, createEnvelope(S.creatorCreate, mallory, { input })), 'missing');
    expect(
      logger.warnings.some(
        (w) => w.includes(wire(S.creatorCreate)) && w.includes('"mallory@nowhere"') && w.includes('missing'),
      ),
    ).toBe(true);
  });

  it('refuses a read of personal data claiming admin@mcst without a proof, and audits no read', async () => {
    const reply = await send(
      S.creatorReadPersonalData,
      createEnvelope(S.creatorReadPersonalData, actors.admin, { id: existing.id, reason: 'curious' }),
    );
    await expectRefused(reply, 'missing');
    expect(JSON.stringify(reply)).not.toContain('001199012345');
  });

  it('refuses a proof made with a key Concord does not know', async () => {
    const stranger = new ActorProofSigner('gateway', generateActorKeyPair().privateKey);
    const envelope = createEnvelope(S.creatorCreate, mallory, { input: registration() });
    await expectRefused(
      await send(S.creatorCreate, await signed(S.creatorCreate, envelope, stranger)),
      'unknown_issuer',
    );
  });

  it('refuses a proof whose claims were rewritten to name another actor (the signature no longer matches)', async () => {
    const envelope = await signed(
      S.creatorCreate,
      createEnvelope(S.creatorCreate, actors.registrar, { input: registration() }),
    );
    const [header, payload, signature] = envelope.proof!.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: mallory.userId, act: mallory })).toString('base64url');
    await expectRefused(
      await send(S.creatorCreate, { ...envelope, actor: mallory, proof: `${header}.${forged}.${signature}` }),
      'bad_signature',
    );
  });

  it('refuses an envelope whose actor was changed after the gateway signed it', async () => {
    const envelope = await signed(
      S.creatorCreate,
      createEnvelope(S.creatorCreate, actors.reviewer, { input: registration() }),
    );
    await expectRefused(await send(S.creatorCreate, { ...envelope, actor: actors.registrar }), 'actor_altered');
  });

  it('refuses a proof that has expired', async () => {
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    const envelope = createEnvelope(S.creatorCreate, actors.registrar, { input: registration() });
    await expectRefused(
      await send(S.creatorCreate, await signed(S.creatorCreate, envelope, undefined, twoMinutesAgo)),
      'expired',
    );
  });

  it('refuses a proof copied from a harmless request onto another subject', async () => {
    const read = await signed(
      S.creatorGet,
      createEnvelope(S.creatorGet, actors.admin, { id: existing.id, reason: 'review' }),
    );
    const copied = { ...read, type: S.creatorReadPersonalData };
    await expectRefused(await send(S.creatorReadPersonalData, copied), 'other_subject');
  });

  it('refuses a proof copied onto other data', async () => {
    const envelope = await signed(
      S.creatorCreate,
      createEnvelope(S.creatorCreate, actors.registrar, { input: registration() }),
    );
    await expectRefused(
      await send(S.creatorCreate, { ...envelope, data: { input: registration({ displayName: 'Someone Else' }) } }),
      'data_altered',
    );
  });

  it('refuses a service that vouches for a request it has no reason to make (agreements may only look creators up)', async () => {
    const asAgreements = testServiceClient(testNats('harness'), r.config.CONCORD_ENV, 10_000, 'agreements');
    try {
      await expect(
        asAgreements.request(S.creatorCreate, { input: registration() }, actors.registrar),
      ).rejects.toMatchObject({
        code: 'actor.unproven',
        extensions: { reason: 'issuer_not_trusted_for_subject' },
      });
      expect(await rowCounts()).toEqual(counts);
      // The one call agreements makes on a user's behalf is believed, for that user.
      await expect(asAgreements.request(S.creatorGet, { id: existing.id }, actors.registrar)).resolves.toMatchObject({
        id: existing.id,
      });
    } finally {
      await asAgreements.close();
    }
  });

  it('accepts the same request when the gateway proves its actor, and publishes only that registration', async () => {
    const input = registration({ displayName: 'Proven Registrar Creator' });
    const reply = await send(
      S.creatorCreate,
      await signed(S.creatorCreate, createEnvelope(S.creatorCreate, actors.registrar, { input })),
    );
    expect(reply.err).toBeUndefined();
    const created = reply.response as CreatorView;
    const [audit] = await r.db.query('SELECT actor_user_id FROM audit_entries WHERE subject = $1', [
      `creator:${created.id}`,
    ]);
    expect(audit).toEqual({ actor_user_id: 'registrar@mcst' });
    const seen = await events.waitFor((es) =>
      es.some((e) => (e.data as { creator?: { id: string } }).creator?.id === created.id),
    );
    // Every refused attempt above came first: none of them left an event (or an audit entry by anyone but the registrar).
    expect(
      seen
        .filter((e) => e.type.endsWith('creator.registered'))
        .map((e) => (e.data as { creator: { id: string } }).creator.id),
    ).toEqual([existing.id, created.id]);
    const actorsInTrail = await r.db.query('SELECT DISTINCT actor_user_id FROM audit_entries');
    expect(actorsInTrail).toEqual([{ actor_user_id: 'registrar@mcst' }]);
  });
});
