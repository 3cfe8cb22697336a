import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt, SignJWT } from 'jose';
import { createConcordClient, type ConcordClient } from '@concord/client';
import { startTestSystem, uniqueHandle, type TestSystem } from '../support/system';

const SECRET = randomBytes(32).toString('hex');

describe('creators sign in (dev tokens for creator@<handle>)', () => {
  let sys: TestSystem;
  let registrar: ConcordClient;
  let creator: { id: string; displayName: string };
  const handle = uniqueHandle('mai');

  const devToken = (username: string) =>
    fetch(`${sys.baseUrl}/v1/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username }),
    });
  /** A token signed as the gateway's dev tokens are, with any claims. */
  const forge = (claims: Record<string, unknown>, sub: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub)
      .setIssuer('concord-dev')
      .setAudience('concord')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));
  const as = (token: string) => createConcordClient({ baseUrl: sys.baseUrl, token });

  beforeAll(async () => {
    sys = await startTestSystem({ CONCORD_DEV_AUTH_SECRET: SECRET });
    registrar = await sys.as('registrar@mcst');
    const { data } = await registrar.POST('/v1/creators', {
      body: {
        kind: 'individual',
        displayName: 'Đỗ Thị Mai',
        topics: ['tourism'],
        languages: ['vi'],
        regions: ['VN-HN'],
        channels: [
          { platform: 'tiktok', handle, url: `https://www.tiktok.com/@${handle}`, followers: 90000, verified: true },
          {
            platform: 'youtube',
            handle: `${handle}_yt`,
            url: `https://www.youtube.com/@${handle}_yt`,
            followers: 1000,
            verified: false,
          },
        ],
      },
    });
    creator = { id: data!.id, displayName: data!.displayName };
  });
  afterAll(async () => sys.stop());

  it('signs a registered creator in by a channel handle, in any case and with @, bound to their registry record', async () => {
    for (const username of [`creator@${handle}`, `creator@@${handle.toUpperCase()}`, `creator@${handle}_yt`]) {
      const r = await devToken(username);
      expect(r.status).toBe(200);
      const { token } = (await r.json()) as { token: string };
      expect(decodeJwt(token)).toMatchObject({
        org: 'creators',
        roles: ['creator'],
        creator: creator.id,
        name: 'Đỗ Thị Mai',
      });
      expect(decodeJwt(token).sub).toBe(username.endsWith('_yt') ? `creator@${handle}_yt` : `creator@${handle}`);
    }
  });

  it('says who a creator is: no agency, their registry record', async () => {
    const me = await (await sys.as(`creator@${handle}`)).GET('/v1/me');
    expect(me.response.status).toBe(200);
    expect(me.data).toEqual({
      user: { id: `creator@${handle}`, name: 'Đỗ Thị Mai' },
      agency: null,
      creator: { id: creator.id, displayName: 'Đỗ Thị Mai' },
      roles: ['creator'],
    });
    const staff = await registrar.GET('/v1/me');
    expect(staff.data).toMatchObject({ agency: { id: 'mcst-ttcs', kind: 'lead' }, roles: ['registry_officer'] });
    expect(staff.data!.creator).toBeUndefined();
  });

  it('refuses an unknown handle, and an unknown user, with 400 on username naming creator@<handle>', async () => {
    const unknown = await devToken(`creator@nobody_${handle}`);
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      code: 'validation.failed',
      errors: [{ path: 'username', code: 'unknown_creator' }],
    });
    const empty = await devToken('creator@');
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ errors: [{ path: 'username' }] });
    const nobody = await devToken('nobody@mcst');
    expect(nobody.status).toBe(400);
    const body = (await nobody.json()) as { errors: { path: string; message: string }[] };
    expect(body.errors[0].path).toBe('username');
    expect(body.errors[0].message).toContain('creator@<handle>');
  });

  it('gives a creator no access to the registry', async () => {
    const creatorApi = await sys.as(`creator@${handle}`);
    const list = await creatorApi.GET('/v1/creators');
    expect(list.response.status).toBe(403);
    expect(list.error).toMatchObject({ code: 'auth.forbidden' });
    const own = await creatorApi.GET('/v1/creators/{id}', { params: { path: { id: creator.id } } });
    expect(own.response.status).toBe(403);
    const register = await creatorApi.POST('/v1/creators', {
      body: { kind: 'individual', displayName: 'Self Registered' },
    });
    expect(register.response.status).toBe(403);
  });

  it('takes the creator claim only with org creators and role creator; any other unknown org stays refused', async () => {
    // Org creators without the claim, or without the role: refused.
    for (const claims of [
      { org: 'creators', roles: ['creator'] },
      { org: 'creators', roles: ['admin'], creator: creator.id },
      { org: 'creators', roles: ['creator'], creator: 'not-a-uuid' },
    ]) {
      const r = await as(await forge(claims, 'x@creators')).GET('/v1/me');
      expect(r.response.status).toBe(403);
    }
    // A staff token carrying a creator claim stays staff: the claim is ignored.
    const staff = await as(
      await forge({ org: 'mofa', roles: ['liaison', 'creator'], creator: creator.id }, 'liaison@mofa'),
    ).GET('/v1/me');
    expect(staff.data).toMatchObject({ agency: { id: 'mofa' } });
    expect(staff.data!.creator).toBeUndefined();
    const stranger = await as(await forge({ org: 'elsewhere', roles: ['admin'] }, 'x@elsewhere')).GET('/v1/me');
    expect(stranger.response.status).toBe(403);
    expect(stranger.error).toMatchObject({ code: 'auth.forbidden' });
    // A production-style token for a creator (no dev sign-in) works the same way.
    const direct = await as(await forge({ org: 'creators', roles: ['creator'], creator: creator.id }, 'mai@idp')).GET(
      '/v1/me',
    );
    expect(direct.data).toMatchObject({ agency: null, creator: { id: creator.id } });
  });
});
