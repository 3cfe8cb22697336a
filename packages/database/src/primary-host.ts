import { Socket } from 'node:net';
import pg from 'pg';

/** One server of a PostgreSQL URL. */
export interface PostgresHost {
  host: string;
  port: number;
}

/**
 * A PostgreSQL URL as libpq reads it: one host, or several
 * (`postgres://user:pass@db1:5432,db2:5432/concord?target_session_attrs=read-write`),
 * for a primary and its streaming replicas. node-postgres understands one
 * host only: `url` is the same URL with the first host and without
 * `target_session_attrs`, and `hosts` lists them all.
 */
export interface DatabaseAddress {
  url: string;
  hosts: PostgresHost[];
  /** `target_session_attrs=read-write` (or `primary`): connect only to the server that takes writes. */
  readWrite: boolean;
}

const URL_PARTS = /^(postgres(?:ql)?:\/\/)([^@/?#]*@)?([^/?#]*)(.*)$/;

function parseHost(text: string): PostgresHost {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) return { host: bracketed[1], port: Number(bracketed[2] ?? 5432) };
  const [host, port] = text.split(':');
  return { host: host || 'localhost', port: Number(port ?? 5432) };
}

function formatHost({ host, port }: PostgresHost): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export function parseDatabaseAddress(url: string): DatabaseAddress {
  const parts = URL_PARTS.exec(url);
  if (!parts) return { url, hosts: [], readWrite: false };
  const [, scheme, credentials = '', hostList = '', rest = ''] = parts;
  const hosts = hostList.split(',').filter(Boolean).map(parseHost);
  const [path, query = ''] = rest.split('?', 2) as [string, string | undefined];
  const params = new URLSearchParams(query);
  const attrs = params.get('target_session_attrs');
  params.delete('target_session_attrs');
  const kept = params.toString();
  return {
    url: `${scheme}${credentials}${hosts[0] ? formatHost(hosts[0]) : ''}${path}${kept ? `?${kept}` : ''}`,
    hosts,
    readWrite: attrs === 'read-write' || attrs === 'primary',
  };
}

/** The same URL pointing at one host. */
export function urlForHost(address: DatabaseAddress, host: PostgresHost): string {
  const parts = URL_PARTS.exec(address.url)!;
  return `${parts[1]}${parts[2] ?? ''}${formatHost(host)}${parts[4] ?? ''}`;
}

/** How long finding the primary waits for each host (a busy host may take a while to accept a connection). */
const PROBE_TIMEOUT_MS = 5000;

/** What a host is: the primary, a standby (in recovery), or why it could not be asked. */
export type HostRole = 'primary' | 'standby' | { unreachable: string };

/** Whether `host` takes writes: it answers and is not in recovery (a standby is). */
async function roleOf(address: DatabaseAddress, host: PostgresHost): Promise<HostRole> {
  const client = new pg.Client({
    connectionString: urlForHost(address, host),
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    query_timeout: PROBE_TIMEOUT_MS,
  });
  // An error after connect (the server going away) must not crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
    return rows[0]?.standby === false ? 'primary' : 'standby';
  } catch (error) {
    return { unreachable: (error as Error).message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Which of a URL's hosts is the primary, as libpq's
 * `target_session_attrs=read-write` finds it: every host is asked whether it
 * is in recovery, and the one that is not is remembered until a connection
 * to it fails (it died, or a failover moved the primary), when the next
 * connection asks again.
 */
export class PrimaryLocator {
  private found: Promise<PostgresHost> | null = null;

  constructor(
    private readonly address: DatabaseAddress,
    private readonly ask: (host: PostgresHost) => Promise<HostRole> = (host) => roleOf(address, host),
  ) {}

  primary(): Promise<PostgresHost> {
    this.found ??= this.locate().catch((error: unknown) => {
      this.found = null;
      throw error;
    });
    return this.found;
  }

  /** The remembered primary failed a connection: ask again next time. */
  forget(): void {
    this.found = null;
  }

  private async locate(): Promise<PostgresHost> {
    const roles = await Promise.all(this.address.hosts.map((host) => this.ask(host)));
    const primary = this.address.hosts[roles.indexOf('primary')];
    if (!primary) {
      const found = this.address.hosts.map(
        (host, i) => `${formatHost(host)}: ${typeof roles[i] === 'string' ? roles[i] : roles[i].unreachable}`,
      );
      throw new Error(`No PostgreSQL primary (${found.join('; ')})`);
    }
    return primary;
  }
}

/**
 * A socket for node-postgres (its `stream` option) that connects to the
 * primary whatever host pg names, and makes the locator look again when the
 * connection fails.
 */
function primarySocket(locator: PrimaryLocator): Socket {
  const socket = new Socket();
  const connect = socket.connect.bind(socket) as (port: number, host: string) => Socket;
  socket.on('error', () => locator.forget());
  // pg calls connect(port, host) with the URL's first host; the primary is found first.
  (socket as unknown as { connect: () => Socket }).connect = () => {
    locator.primary().then(
      (primary) => connect(primary.port, primary.host),
      (error: Error) => socket.destroy(error),
    );
    return socket;
  };
  return socket;
}

/**
 * What node-postgres needs for a URL: its single-host form and, for several
 * hosts with `target_session_attrs=read-write`, a `stream` that always
 * reaches the current primary (the services' pools, so that after a failover
 * new connections go to the promoted replica).
 */
export function postgresConnection(url: string): { url: string; stream?: () => Socket } {
  const address = parseDatabaseAddress(url);
  if (address.hosts.length < 2) return { url };
  if (!address.readWrite) {
    throw new Error('A DATABASE_URL with several hosts needs target_session_attrs=read-write: services write');
  }
  const locator = new PrimaryLocator(address);
  return { url: address.url, stream: () => primarySocket(locator) };
}
