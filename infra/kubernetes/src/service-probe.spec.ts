// The services' Kubernetes probe (service-probe.mjs), run as the kubelet runs it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { KUBERNETES_DIR } from './manifests';

const probe = (mode: string, env: Record<string, string>) =>
  spawnSync(process.execPath, [join(KUBERNETES_DIR, 'service-probe.mjs'), mode], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 20_000,
  });

describe('service-probe.mjs', () => {
  let server: Server;
  let port: number;

  /** Runs `check` while this process holds a connection to the stand-in NATS, as a service's process would. */
  const whileConnected = async <T>(check: () => T): Promise<T> => {
    const client: Socket = createConnection({ port, host: '127.0.0.1' });
    await new Promise((resolve) => client.once('connect', resolve));
    try {
      return check();
    } finally {
      await new Promise<void>((resolve) => client.end(() => resolve()));
      client.destroy();
    }
  };

  beforeAll(async () => {
    server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('is not live while nothing in the pod holds a connection to NATS', () => {
    const result = probe('live', { NATS_URL: `nats://127.0.0.1:${port}` });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`no established connection to NATS (port ${port})`);
  });

  it('is live while the process holds its NATS connection', async () => {
    const result = await whileConnected(() =>
      probe('live', { NATS_URL: `nats://user@nats-0:1,nats://127.0.0.1:${port}` }),
    );
    expect(result.status).toBe(0);
  });

  it('is not ready while PostgreSQL does not answer as the service’s role', async () => {
    const result = await whileConnected(() =>
      probe('ready', {
        NATS_URL: `nats://127.0.0.1:${port}`,
        DATABASE_URL: 'postgres://concord_registry:x@127.0.0.1:1/concord',
      }),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('not ready: PostgreSQL does not answer');
  });

  it('refuses a mode it does not know', () => {
    expect(probe('maybe', {}).status).toBe(2);
  });
});
