import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSystem, type TestSystem } from '../support/system';

/** The headers every answer carries, API and portal alike. */
function expectHardened(response: Response): void {
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
}

describe('security headers and CORS at the gateway', () => {
  let sys: TestSystem;
  let open: TestSystem;
  let dir: string;
  const ministry = 'https://portal.mofa.gov.vn';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'concord-portal-dist-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Concord</title><div id="root"></div>');
    [sys, open] = await Promise.all([
      startTestSystem({ PORTAL_DIR: dir }),
      startTestSystem({ CORS_ORIGINS: `${ministry}, http://localhost:8080` }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([sys?.stop(), open?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('hardens API answers, refusals included', async () => {
    for (const path of ['/health', '/v1/me', '/v1/public/partnerships', '/v1/nowhere']) {
      const response = await fetch(`${sys.baseUrl}${path}`);
      expectHardened(response);
    }
  });

  it('serves the portal under a policy that allows no inline script and no framing', async () => {
    const response = await fetch(`${sys.baseUrl}/portal/agreements`);
    expect(response.status).toBe(200);
    expectHardened(response);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("connect-src 'self'");
  });

  it('lets the API documentation keep its inline styles, and nothing more', async () => {
    const response = await fetch(`${sys.baseUrl}/docs`);
    expect(response.status).toBe(200);
    expectHardened(response);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('keeps CORS closed unless origins are configured, and then opens it to those origins only', async () => {
    const preflight = (base: string, origin: string) =>
      fetch(`${base}/v1/creators`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, idempotency-key, content-type',
        },
      });
    const closed = await preflight(sys.baseUrl, ministry);
    expect(closed.headers.get('access-control-allow-origin')).toBeNull();
    const get = await fetch(`${sys.baseUrl}/health`, { headers: { origin: ministry } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();

    const allowed = await preflight(open.baseUrl, ministry);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ministry);
    expect(allowed.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    const other = await preflight(open.baseUrl, 'https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const answer = await fetch(`${open.baseUrl}/health`, { headers: { origin: ministry } });
    expect(answer.headers.get('access-control-allow-origin')).toBe(ministry);
    expect(answer.headers.get('access-control-expose-headers')).toContain('retry-after');
  });
});
