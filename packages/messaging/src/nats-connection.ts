import {
  connect,
  nkeyAuthenticator,
  nkeys,
  type NatsConnection,
  type NodeConnectionOptions,
} from '@nats-io/transport-node';
import { inboxPrefix } from './bus-permissions';

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

/** How a process reaches NATS, from its configuration (README, "Configuration"). */
export interface NatsSettings {
  /** One server, or a cluster's servers separated by commas (`nats://a:4222,nats://b:4222`): the client fails over between them. */
  NATS_URL: string;
  /** The identity's NKey seed (`SU…`): the server knows only its public key. */
  NATS_NKEY_SEED?: string | undefined;
  /** PEM files: the CA that signed the server's certificate, and this client's certificate and key (mutual TLS). */
  NATS_TLS_CA?: string | undefined;
  NATS_TLS_CERT?: string | undefined;
  NATS_TLS_KEY?: string | undefined;
}

/**
 * The connection options of one bus identity (see bus-permissions.ts): its
 * NKey, TLS when configured, and replies on its own inbox prefix — the only
 * inbox subjects NATS lets it subscribe to.
 */
export function natsOptions(identity: string, settings: NatsSettings, name?: string): NodeConnectionOptions {
  const tls =
    settings.NATS_TLS_CA || settings.NATS_TLS_CERT || settings.NATS_TLS_KEY
      ? { caFile: settings.NATS_TLS_CA, certFile: settings.NATS_TLS_CERT, keyFile: settings.NATS_TLS_KEY }
      : undefined;
  const seed = settings.NATS_NKEY_SEED ? new TextEncoder().encode(settings.NATS_NKEY_SEED) : undefined;
  return {
    servers: natsServers(settings.NATS_URL),
    inboxPrefix: inboxPrefix(identity),
    // A request's timeout error need not carry the stack of where it was sent (the correlation id says which it was):
    // without this nats.js builds an Error, stack and all, for every request it sends.
    noAsyncTraces: true,
    ...(name ? { name } : {}),
    ...(seed ? { authenticator: nkeyAuthenticator(seed) } : {}),
    ...(tls ? { tls } : {}),
  };
}

/** The servers of a NATS_URL: one, or a cluster's, separated by commas. */
export function natsServers(url: string): string[] {
  return url
    .split(',')
    .map((server) => server.trim())
    .filter(Boolean);
}

/** A new NKey pair for a bus identity: the seed for the client, the public key (`U…`) for the server's configuration. */
export function createBusNkey(): { seed: string; publicKey: string } {
  const pair = nkeys.createUser();
  return { seed: new TextDecoder().decode(pair.getSeed()), publicKey: pair.getPublicKey() };
}

/** The public key (`U…`) of a seed. */
export function nkeyPublicKey(seed: string): string {
  return nkeys.fromSeed(new TextEncoder().encode(seed)).getPublicKey();
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
