import type { NodeConnectionOptions } from '@nats-io/transport-node';
import { ACTOR_ISSUERS, type ActorIssuer } from '@concord/domain';
import { ActorProofSigner, formatActorIssuers, generateActorKeyPair, ServiceClient } from '@concord/messaging';

let keys: Record<ActorIssuer, { privateKey: string; publicKey: string }> | null = null;

/** One Ed25519 key pair per issuer, made once per test process (services under test run in it too). */
export function testActorKeyPairs(): Record<ActorIssuer, { privateKey: string; publicKey: string }> {
  keys ??= Object.fromEntries(ACTOR_ISSUERS.map((issuer) => [issuer, generateActorKeyPair()])) as Record<
    ActorIssuer,
    { privateKey: string; publicKey: string }
  >;
  return keys;
}

/** A process's proof configuration in tests: its own key as `issuer`, and every test issuer believed. */
export function testActorConfig(issuer: ActorIssuer): { CONCORD_ACTOR_KEY: string; CONCORD_ACTOR_ISSUERS: string } {
  const pairs = testActorKeyPairs();
  return {
    CONCORD_ACTOR_KEY: pairs[issuer].privateKey,
    CONCORD_ACTOR_ISSUERS: formatActorIssuers(Object.fromEntries(ACTOR_ISSUERS.map((i) => [i, pairs[i].publicKey]))),
  };
}

/** Signs as `issuer` with the test key (the gateway's unless said otherwise). */
export function testActorSigner(issuer: ActorIssuer = 'gateway'): ActorProofSigner {
  return new ActorProofSigner(issuer, testActorKeyPairs()[issuer].privateKey);
}

/** A client that sends requests as the gateway would: any actor, vouched for with the test gateway key. */
/** `nats`: a bus identity's connection options (`testNats('gateway')`) or a URL. */
export function testServiceClient(
  nats: string | NodeConnectionOptions,
  env: string,
  timeoutMs?: number,
  issuer: ActorIssuer = 'gateway',
): ServiceClient {
  return new ServiceClient(nats, env, timeoutMs, testActorSigner(issuer));
}
