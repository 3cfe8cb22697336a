import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@concord/config';
import { testActorConfig } from '@concord/testing';
import { loadGatewayConfig } from './gateway.config';

const base = {
  NATS_URL: 'nats://127.0.0.1:4222',
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
  CONCORD_DEV_AUTH: '1',
  CONCORD_ACTOR_KEY: testActorConfig('gateway').CONCORD_ACTOR_KEY,
};

const auditKeys = Object.fromEntries(
  ['REGISTRY', 'AGREEMENTS', 'TASKING', 'APPROVALS'].map((s) => [
    `CONCORD_AUDIT_PUBLIC_KEY_${s}`,
    Buffer.alloc(32, s.length).toString('base64'),
  ]),
);

describe('gateway configuration', () => {
  it('reads a valid environment with defaults', () => {
    expect(loadGatewayConfig(base)).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      CONCORD_ENV: 'dev',
      CONCORD_DEV_AUTH: true,
      RPC_TIMEOUT_MS: 5000,
    });
  });

  it('stops on a wrong value, naming the variable', () => {
    expect(() => loadGatewayConfig({ ...base, PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadGatewayConfig({ ...base, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadGatewayConfig({ ...base, CONCORD_ENV: 'my env' })).toThrow(/CONCORD_ENV/);
    expect(() => loadGatewayConfig({ ...base, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('refuses to start without a way to verify tokens unless dev auth is on', () => {
    expect(() => loadGatewayConfig({ ...base, CONCORD_DEV_AUTH: '0' })).toThrow(/AUTH_JWKS_URL/);
    expect(
      loadGatewayConfig({
        ...base,
        CONCORD_DEV_AUTH: '0',
        AUTH_JWKS_URL: 'https://idp.example.gov.vn/jwks',
        ...auditKeys,
      }).CONCORD_DEV_AUTH,
    ).toBe(false);
  });

  it("refuses to start outside development without every service's audit public key, naming the missing one", () => {
    const { CONCORD_AUDIT_PUBLIC_KEY_TASKING: _, ...threeKeys } = auditKeys;
    expect(() =>
      loadGatewayConfig({
        ...base,
        CONCORD_DEV_AUTH: '0',
        AUTH_JWKS_URL: 'https://idp.example.gov.vn/jwks',
        ...threeKeys,
      }),
    ).toThrow(/CONCORD_AUDIT_PUBLIC_KEY_TASKING/);
    expect(() => loadGatewayConfig({ ...base, ...auditKeys, CONCORD_AUDIT_PUBLIC_KEY_REGISTRY: 'c2hvcnQ=' })).toThrow(
      /CONCORD_AUDIT_PUBLIC_KEY_REGISTRY/,
    );
  });

  it("takes a service's keys after a rotation as a list, oldest first, and refuses the list if one is not a key", () => {
    const rotated = `${auditKeys.CONCORD_AUDIT_PUBLIC_KEY_REGISTRY}, ${auditKeys.CONCORD_AUDIT_PUBLIC_KEY_TASKING}`;
    expect(
      loadGatewayConfig({ ...base, ...auditKeys, CONCORD_AUDIT_PUBLIC_KEY_REGISTRY: rotated })
        .CONCORD_AUDIT_PUBLIC_KEY_REGISTRY,
    ).toEqual([auditKeys.CONCORD_AUDIT_PUBLIC_KEY_REGISTRY, auditKeys.CONCORD_AUDIT_PUBLIC_KEY_TASKING]);
    expect(() =>
      loadGatewayConfig({ ...base, ...auditKeys, CONCORD_AUDIT_PUBLIC_KEY_REGISTRY: `${rotated},c2hvcnQ=` }),
    ).toThrow(/CONCORD_AUDIT_PUBLIC_KEY_REGISTRY/);
  });

  it('refuses to start without the key that signs the actor of its requests, or with one that is not an Ed25519 private key', () => {
    const { CONCORD_ACTOR_KEY: _key, ...withoutKey } = base;
    expect(() => loadGatewayConfig(withoutKey)).toThrow(/CONCORD_ACTOR_KEY/);
    expect(() =>
      loadGatewayConfig({ ...base, CONCORD_ACTOR_KEY: Buffer.from('not a key').toString('base64') }),
    ).toThrow(/CONCORD_ACTOR_KEY: an Ed25519 private key/);
  });
});
