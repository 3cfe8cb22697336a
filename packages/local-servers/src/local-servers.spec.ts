import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCommand, onPath } from './debian-command';
import { startNatsServer, waitForPort } from './nats-server';

/** A port nothing listens on, found by listening on port 0 and closing. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a command the project starts for itself', () => {
  test('is found on PATH without installing anything', () => {
    const lines: string[] = [];
    const found = ensureCommand({ binary: 'sh', debianPackage: 'dash', help: 'get a shell' }, (l) => lines.push(l));
    expect(found).toBe(onPath('sh'));
    expect(lines).toEqual([]);
  });
});

describe('nats-server', () => {
  test('starts with JetStream on the port asked for, and stops', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-local-servers-'));
    const port = await closedPort();
    const nats = await startNatsServer({ port, storeDir: join(dir, 'store') });
    try {
      expect(nats.url).toBe(`nats://127.0.0.1:${port}`);
      await waitForPort(port, '127.0.0.1', 1000);
    } finally {
      await nats.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(nats.process.exitCode !== null || nats.process.signalCode !== null).toBe(true);
    await expect(waitForPort(port, '127.0.0.1', 300)).rejects.toThrow(`Nothing listens on 127.0.0.1:${port}`);
  });
});
