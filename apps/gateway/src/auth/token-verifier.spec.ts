import { describe, expect, it } from '@jest/globals';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { testActorConfig } from '@concord/testing';
import { GatewayConfigSchema } from '../gateway.config';
import { TokenVerifier } from './token-verifier';

const DEV_SECRET = 'a-dev-secret-of-at-least-thirty-two-characters';
const claims = { org: 'mcst-ttcs', roles: ['registry_officer'] };

function configOf(extra: Record<string, string>) {
  return GatewayConfigSchema.parse({
    CONCORD_ENV: 'test',
    NATS_URL: 'nats://127.0.0.1:1',
    DATABASE_URL: 'postgres://x@127.0.0.1/x',
    CONCORD_ACTOR_KEY: testActorConfig('gateway').CONCORD_ACTOR_KEY,
    ...extra,
  });
}

describe('TokenVerifier', () => {
  it('refuses a dev token without exp, and takes the same token with one', async () => {
    const verifier = new TokenVerifier(configOf({ CONCORD_DEV_AUTH: '1', CONCORD_DEV_AUTH_SECRET: DEV_SECRET }));
    const secret = new TextEncoder().encode(DEV_SECRET);
    const base = () =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('registrar@mcst')
        .setIssuer('concord-dev')
        .setAudience('concord')
        .setIssuedAt();
    expect(await verifier.verify(await base().sign(secret))).toBeNull();
    expect(await verifier.verify(await base().setExpirationTime('1h').sign(secret))).toMatchObject({
      userId: 'registrar@mcst',
      orgId: 'mcst-ttcs',
    });
  });

  it("refuses an identity provider's token without exp", async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const verifier = new TokenVerifier(
      configOf({
        AUTH_PUBLIC_KEY: await exportSPKI(publicKey),
        AUTH_ISSUER: 'https://id.gov.vn',
        AUTH_AUDIENCE: 'concord',
      }),
    );
    const base = () =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256' })
        .setSubject('an.nguyen')
        .setIssuer('https://id.gov.vn')
        .setAudience('concord');
    expect(await verifier.verify(await base().sign(privateKey))).toBeNull();
    expect(await verifier.verify(await base().setExpirationTime('1h').sign(privateKey))).toMatchObject({
      userId: 'an.nguyen',
    });
  });
});
