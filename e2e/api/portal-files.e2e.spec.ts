import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSystem, type TestSystem } from '../support/system';

describe('the admin portal, served at /portal/', () => {
  let sys: TestSystem;
  let dir: string;

  beforeAll(async () => {
    // A stand-in for apps/portal/dist: index.html and one hashed asset.
    dir = mkdtempSync(join(tmpdir(), 'concord-portal-dist-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Concord</title><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), `console.log(${JSON.stringify('portal '.repeat(1000))})`);
    sys = await startTestSystem({ PORTAL_DIR: dir });
  });
  afterAll(async () => {
    await sys.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the app at /portal/, its assets cached for good and its pages as index.html', async () => {
    const root = await fetch(`${sys.baseUrl}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/portal/');

    const app = await fetch(`${sys.baseUrl}/portal/`);
    expect(app.status).toBe(200);
    expect(app.headers.get('cache-control')).toBe('no-cache');
    expect(await app.text()).toContain('<div id="root">');

    const asset = await fetch(`${sys.baseUrl}/portal/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // Compressed for a browser that accepts it (fetch asks for gzip and brotli and undoes it).
    expect(asset.headers.get('content-encoding')).toMatch(/^(br|gzip)$/);
    expect(await asset.text()).toContain('portal portal');

    for (const page of [
      '/portal/creators',
      '/portal/creators/0190f1a2-0000-7000-8000-000000000001',
      '/portal/sign-in?next=%2F',
    ]) {
      const r = await fetch(`${sys.baseUrl}${page}`);
      expect({ page, status: r.status, type: r.headers.get('content-type') }).toEqual({
        page,
        status: 200,
        type: 'text/html; charset=utf-8',
      });
    }
  });

  it('answers a missing asset with a 404, and leaves the API as it was', async () => {
    const missing = await fetch(`${sys.baseUrl}/portal/assets/gone-000.js`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'not_found' });

    const unknownApi = await fetch(`${sys.baseUrl}/v1/no-such-route`);
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.headers.get('content-type')).toContain('application/problem+json');
    expect((await fetch(`${sys.baseUrl}/health`)).status).toBe(200);
    expect((await fetch(`${sys.baseUrl}/openapi.json`)).status).toBe(200);
    expect((await fetch(`${sys.baseUrl}/v1/me`)).status).toBe(401);
  });
});

describe('without a built portal', () => {
  let sys: TestSystem;

  beforeAll(async () => {
    sys = await startTestSystem({ PORTAL_DIR: join(tmpdir(), 'concord-no-portal-here') });
  });
  afterAll(async () => sys.stop());

  it('starts all the same and serves the API only', async () => {
    expect((await fetch(`${sys.baseUrl}/portal/`)).status).toBe(404);
    expect((await fetch(`${sys.baseUrl}/health`)).status).toBe(200);
  });
});
