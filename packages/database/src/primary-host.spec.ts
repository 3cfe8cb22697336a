import { describe, expect, test } from '@jest/globals';
import {
  parseDatabaseAddress,
  postgresConnection,
  PrimaryLocator,
  urlForHost,
  type HostRole,
  type PostgresHost,
} from './primary-host';

describe('a DATABASE_URL with several hosts (libpq form)', () => {
  test('is read as its hosts, the first-host URL node-postgres understands, and whether only the primary will do', () => {
    const address = parseDatabaseAddress(
      'postgres://svc:s%40cret@db-a:5433,db-b,[::1]:6000/concord?target_session_attrs=read-write&sslmode=require',
    );
    expect(address.hosts).toEqual([
      { host: 'db-a', port: 5433 },
      { host: 'db-b', port: 5432 },
      { host: '::1', port: 6000 },
    ]);
    expect(address.readWrite).toBe(true);
    expect(address.url).toBe('postgres://svc:s%40cret@db-a:5433/concord?sslmode=require');
    expect(urlForHost(address, address.hosts[2]!)).toBe('postgres://svc:s%40cret@[::1]:6000/concord?sslmode=require');
  });

  test('a single host is left as it is', () => {
    const url = 'postgres://svc:pw@127.0.0.1:5432/concord';
    expect(parseDatabaseAddress(url)).toEqual({ url, hosts: [{ host: '127.0.0.1', port: 5432 }], readWrite: false });
    expect(postgresConnection(url)).toEqual({ url });
  });

  test('several hosts without target_session_attrs=read-write are refused: a service must write to the primary', () => {
    expect(() => postgresConnection('postgres://svc:pw@a:5432,b:5432/concord')).toThrow(
      /target_session_attrs=read-write/,
    );
  });
});

describe('finding the primary', () => {
  const a = { host: 'a', port: 5432 };
  const b = { host: 'b', port: 5432 };
  const address = { url: 'postgres://svc:pw@a:5432/concord', hosts: [a, b], readWrite: true };
  /** Hosts whose answers the test sets, and how often each was asked. */
  function hosts(initial: Record<string, HostRole>) {
    const roles = { ...initial };
    const asked: string[] = [];
    const ask = async (host: PostgresHost) => {
      asked.push(host.host);
      return roles[host.host]!;
    };
    return { roles, asked, ask };
  }

  test('is the host not in recovery, remembered until a connection to it fails', async () => {
    const world = hosts({ a: 'standby', b: 'primary' });
    const locator = new PrimaryLocator(address, world.ask);
    expect(await locator.primary()).toEqual(b);
    expect(await locator.primary()).toEqual(b);
    expect(world.asked).toEqual(['a', 'b']);

    // Failover: b died, a was promoted.
    world.roles.a = 'primary';
    world.roles.b = { unreachable: 'connect ECONNREFUSED' };
    expect(await locator.primary()).toEqual(b);
    locator.forget();
    expect(await locator.primary()).toEqual(a);
  });

  test('with no primary it says what each host answered, and asks again next time', async () => {
    const world = hosts({ a: { unreachable: 'connect ECONNREFUSED' }, b: 'standby' });
    const locator = new PrimaryLocator(address, world.ask);
    await expect(locator.primary()).rejects.toThrow(
      'No PostgreSQL primary (a:5432: connect ECONNREFUSED; b:5432: standby)',
    );
    world.roles.b = 'primary';
    expect(await locator.primary()).toEqual(b);
  });
});
