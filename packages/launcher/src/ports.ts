import { createServer } from 'node:net';

export interface PortUse {
  port: number;
  host: string;
  /** The variable that moves it, for the message. */
  variable: string;
}

function inUse({ port, host }: PortUse): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen(port, host, () => server.close(() => resolve(false)));
  });
}

/**
 * Fails before anything starts when a port the system needs is taken (by a
 * program this launcher does not know): otherwise the readiness check could
 * be answered by someone else's server.
 */
export async function ensurePortsFree(ports: PortUse[]): Promise<void> {
  const taken: string[] = [];
  for (const use of ports)
    if (await inUse(use)) taken.push(`${use.host}:${use.port} (set ${use.variable} to use another)`);
  if (taken.length > 0)
    throw new Error(`Port${taken.length > 1 ? 's' : ''} already in use by another program: ${taken.join(', ')}`);
}
