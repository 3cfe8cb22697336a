import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync, sign } from 'node:crypto';
import type { Actor } from '@concord/domain';
import { ActorProofSigner, ActorProofVerifier } from './actor-proof';

// The proof's format and signature, checked without a bus: what the services'
// integration specs (registry, agreements) prove end to end, here for the
// shapes a forger could send that no real signer makes.
const gateway = generateKeyPairSync('ed25519');
const signer = new ActorProofSigner('gateway', gateway.privateKey);
const verifier = new ActorProofVerifier([{ issuer: 'gateway', key: gateway.publicKey }]);
const wire = 'concord.test.registry.creator.get';
const envelope = {
  id: 'e1',
  correlationId: 'c1',
  actor: { userId: 'registrar@mcst', orgId: 'mcst', roles: ['registry_officer'] } satisfies Actor,
  data: { id: 'creator-1' },
};
const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('actor proofs', () => {
  it('accepts what the signer signed, as a compact JWS with the Ed25519 algorithm and the key named', () => {
    const proof = signer.sign(wire, envelope);
    const [header] = proof.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toMatchObject({
      alg: 'Ed25519',
      typ: 'concord-actor+jws',
      kid: expect.stringMatching(/^gateway:/) as unknown,
    });
    expect(verifier.verify(wire, { ...envelope, proof })).toEqual({ proven: true, issuer: 'gateway' });
  });

  it.each([
    ['two parts', (proof: string) => proof.split('.').slice(0, 2).join('.')],
    ['a header that is not base64url JSON', (proof: string) => `%%%.${proof.split('.').slice(1).join('.')}`],
    ['a header that is JSON null', (proof: string) => `${part(null)}.${proof.split('.').slice(1).join('.')}`],
    [
      'another algorithm in the header',
      (proof: string) => {
        const [header, ...rest] = proof.split('.');
        const decoded = JSON.parse(Buffer.from(header!, 'base64url').toString()) as Record<string, unknown>;
        return [part({ ...decoded, alg: 'none' }), ...rest].join('.');
      },
    ],
  ])('calls a proof with %s malformed', (_, mangle) => {
    const proof = mangle(signer.sign(wire, envelope));
    expect(verifier.verify(wire, { ...envelope, proof })).toMatchObject({ proven: false, reason: 'malformed' });
  });

  it('calls claims that are not JSON malformed even under a valid signature of them', () => {
    const [header] = signer.sign(wire, envelope).split('.');
    // A signature over a header and non-JSON claims made with the real key: only a key holder could, and still refused.
    const input = `${header}.bm90IGpzb24`;
    const proof = `${input}.${sign(null, Buffer.from(input), gateway.privateKey).toString('base64url')}`;
    expect(verifier.verify(wire, { ...envelope, proof })).toMatchObject({ proven: false, reason: 'malformed' });
  });

  it('calls a signature made by another key bad, naming the issuer the proof claims', () => {
    const stranger = new ActorProofSigner('gateway', generateKeyPairSync('ed25519').privateKey);
    const proof = stranger.sign(wire, envelope);
    expect(verifier.verify(wire, { ...envelope, proof })).toMatchObject({ proven: false, reason: 'unknown_issuer' });
    const [header, claims] = signer.sign(wire, envelope).split('.');
    const [, , foreignSignature] = proof.split('.');
    expect(verifier.verify(wire, { ...envelope, proof: `${header}.${claims}.${foreignSignature}` })).toEqual({
      proven: false,
      reason: 'bad_signature',
      issuer: 'gateway',
    });
  });
});
