import { connect, type NatsConnection, type NodeConnectionOptions } from '@nats-io/transport-node';

/**
 * How every Concord connection to NATS reconnects: for ever, and quickly
 * (a quarter of a second between attempts), so that after NATS returns the
 * first request finds the connection already back. nats.js's defaults give
 * up after 10 attempts 2 s apart, after which a process never talks to NATS
 * again.
 */
export const NATS_RECONNECT = { maxReconnectAttempts: -1, reconnectTimeWait: 250, reconnectJitter: 100 } as const;

/** Connects to NATS with Concord's reconnect settings. */
export function connectNats(options: NodeConnectionOptions): Promise<NatsConnection> {
  return connect({ ...NATS_RECONNECT, ...options });
}

/**
 * Follows a connection's status. While it is disconnected, nats.js buffers
 * what is sent and a request waits for its whole timeout: callers ask
 * `connected()` first and fail at once instead.
 */
export function followConnection(nc: NatsConnection): { connected(): boolean } {
  let connected = true;
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect' || status.type === 'reconnecting') connected = false;
      else if (status.type === 'reconnect') connected = true;
    }
  })().catch(() => undefined);
  return { connected: () => connected && !nc.isClosed() && !nc.isDraining() };
}
