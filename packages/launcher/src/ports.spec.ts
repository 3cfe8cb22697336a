import { describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import { freePort } from '@concord/testing';
import { ensurePortsFree } from './ports';

describe('ensurePortsFree', () => {
  it('names the port another program listens on and the variable that moves it', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const taken = (server.address() as { port: number }).port;
    const free = await freePort();
    try {
      await expect(
        ensurePortsFree([
          { port: free, host: '127.0.0.1', variable: 'CONCORD_PG_PORT' },
          { port: taken, host: '127.0.0.1', variable: 'PORT' },
        ]),
      ).rejects.toThrow(`Port already in use by another program: 127.0.0.1:${taken} (set PORT to use another)`);
      await expect(
        ensurePortsFree([{ port: free, host: '127.0.0.1', variable: 'CONCORD_PG_PORT' }]),
      ).resolves.toBeUndefined();
    } finally {
      server.close();
    }
  });
});
