import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProcessMetrics } from './metrics';

/** METRICS_PORT as configured: a port (`0`: any free one, for tests), or `off`. */
export type MetricsPort = number | 'off';

/**
 * Serves `GET /metrics` (Prometheus text format) of one process on a port of its own, never the gateway's public one
 * (ADR 0027). A plain node:http server: anything but `GET /metrics` is 404. Started and stopped with the process
 * (a service's lifecycle, the gateway's), so SIGTERM closes it. With `off` it serves nothing.
 */
export class MetricsServer {
  private server: Server | null = null;
  private bound: number | null = null;

  constructor(
    private readonly metrics: ProcessMetrics,
    private readonly port: MetricsPort,
    private readonly host = '0.0.0.0',
  ) {}

  /** The port it listens on once started (the one picked, for `0`); null when off or stopped. */
  get boundPort(): number | null {
    return this.bound;
  }

  /** `http://127.0.0.1:<port>/metrics` once started; null when off. */
  get url(): string | null {
    return this.bound === null ? null : `http://127.0.0.1:${this.bound}/metrics`;
  }

  async start(): Promise<void> {
    if (this.port === 'off' || this.server) return;
    const server = createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0];
      if (req.method !== 'GET' || path !== '/metrics') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
        return;
      }
      this.metrics.text().then(
        (text) => res.writeHead(200, { 'content-type': this.metrics.contentType }).end(text),
        (error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${error.message}\n`),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port as number, this.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.bound = (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    this.bound = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
