/**
 * PostgreSQL as a primary with a synchronous streaming replica, from the
 * embedded binaries (`npm start`'s): a commit is acknowledged only once the
 * replica has it. The harness plays the operator (CloudNativePG's role in
 * production): it promotes the replica when the primary is killed, and
 * brings the old primary back as the new primary's replica from a base
 * backup (pg_backup_start / pg_backup_stop: the embedded binaries have no
 * pg_basebackup).
 */
import {
  chownSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, startEmbeddedPostgres, type RunningPostgres } from '@concord/database';

export interface PostgresNode {
  name: string;
  port: number;
  dataDir: string;
  running: RunningPostgres | null;
}

export interface PostgresPair {
  nodes: [PostgresNode, PostgresNode];
  /** The node that takes writes now. */
  primary(): PostgresNode;
  /** An administrator's URL of the node that takes writes now (database `postgres`). */
  adminUrl(database?: string): string;
  /**
   * A URL of both hosts with target_session_attrs=read-write for `user`
   * (from a single-host URL of either node): what the services are given.
   */
  bothHosts(singleHostUrl: string): string;
  /** SIGKILL of the primary's whole process group. */
  killPrimary(): void;
  /** `pg_promote()` on the replica, which becomes the primary. */
  promoteReplica(): Promise<void>;
  /** The node that is down comes back as the primary's synchronous replica. */
  rejoin(): Promise<void>;
  /** Resolves once the primary reports a streaming synchronous replica. */
  replicating(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const ADMIN = 'concord:concord';
const REPLICATION = {
  wal_level: 'replica',
  max_wal_senders: 10,
  wal_keep_size: '1GB',
  hot_standby: 'on',
  max_connections: 300,
};

function adminUrl(port: number, database = 'postgres'): string {
  return `postgres://${ADMIN}@127.0.0.1:${port}/${database}`;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** What makes a data folder a standby of `primaryPort`. */
function makeStandby(dataDir: string, name: string, primaryPort: number) {
  writeFileSync(join(dataDir, 'standby.signal'), '');
  const auto = join(dataDir, 'postgresql.auto.conf');
  const kept = existsSync(auto)
    ? readFileSync(auto, 'utf8')
        .split('\n')
        .filter((l) => !/^\s*(primary_conninfo|synchronous_standby_names)\b/.test(l))
    : [];
  kept.push(
    `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=concord password=concord application_name=${name}'`,
  );
  writeFileSync(auto, kept.join('\n') + '\n');
}

/** Copies a running cluster's files (a base backup in progress tolerates files that change or vanish). */
function copyCluster(from: string, to: string, uid: number, gid: number) {
  const skip = new Set(['postmaster.pid', 'postmaster.opts', 'standby.signal', 'recovery.signal', 'backup_label']);
  const emptied = new Set([
    'pg_wal',
    'pg_replslot',
    'pg_stat_tmp',
    'pg_dynshmem',
    'pg_notify',
    'pg_serial',
    'pg_snapshots',
    'pg_subtrans',
  ]);
  const walk = (src: string, dst: string, top: boolean) => {
    mkdirSync(dst, { recursive: true, mode: 0o700 });
    chownSync(dst, uid, gid);
    let entries: string[];
    try {
      entries = readdirSync(src);
    } catch {
      return;
    }
    for (const entry of entries) {
      if (top && skip.has(entry)) continue;
      const s = join(src, entry);
      const d = join(dst, entry);
      try {
        const stat = lstatSync(s);
        if (stat.isDirectory()) {
          if (top && emptied.has(entry)) {
            mkdirSync(d, { mode: 0o700 });
            chownSync(d, uid, gid);
            if (entry === 'pg_wal') {
              mkdirSync(join(d, 'archive_status'), { mode: 0o700 });
              chownSync(join(d, 'archive_status'), uid, gid);
            }
            continue;
          }
          walk(s, d, false);
        } else if (stat.isFile()) {
          copyFileSync(s, d);
          chownSync(d, uid, gid);
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  };
  walk(from, to, true);
}

export async function startPostgresPair(dir: string): Promise<PostgresPair> {
  const [portA, portB] = [await freePort(), await freePort()];
  const nodes: [PostgresNode, PostgresNode] = [
    { name: 'pg_a', port: portA, dataDir: join(dir, 'pg_a'), running: null },
    { name: 'pg_b', port: portB, dataDir: join(dir, 'pg_b'), running: null },
  ];
  let primaryIndex = 0;
  const other = (node: PostgresNode) => (node === nodes[0] ? nodes[1] : nodes[0]);
  const start = async (node: PostgresNode, settings: Record<string, string | number> = {}) => {
    node.running = await startEmbeddedPostgres({
      dataDir: node.dataDir,
      port: node.port,
      persistent: true,
      settings: { ...REPLICATION, ...settings },
    });
  };

  // The primary's cluster is made, stopped cleanly and copied: the replica starts from the same files.
  const [a, b] = nodes;
  await start(a);
  const clusterDir = a.running!.clusterDir;
  await a.running!.stop();
  const owner = statSync(clusterDir);
  copyCluster(clusterDir, b.dataDir, owner.uid, owner.gid);
  makeStandby(b.dataDir, b.name, a.port);
  await start(a, { synchronous_standby_names: b.name });
  await start(b);

  const pair: PostgresPair = {
    nodes,
    primary: () => nodes[primaryIndex],
    adminUrl: (database) => adminUrl(nodes[primaryIndex].port, database),
    bothHosts: (url) => {
      const parsed = new URL(url);
      const hosts = nodes.map((n) => `127.0.0.1:${n.port}`).join(',');
      return `postgres://${parsed.username}:${parsed.password}@${hosts}${parsed.pathname}?target_session_attrs=read-write`;
    },
    killPrimary: () => {
      const primary = nodes[primaryIndex];
      const pid = primary.running?.pid;
      if (pid === undefined) return;
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        process.kill(pid, 'SIGKILL');
      }
      primary.running = null;
    },
    promoteReplica: async () => {
      const replica = other(nodes[primaryIndex]);
      await query(adminUrl(replica.port), 'SELECT pg_promote(true, 30)');
      primaryIndex = nodes.indexOf(replica);
    },
    rejoin: async () => {
      const primary = nodes[primaryIndex];
      const down = other(primary);
      if (down.running) throw new Error(`${down.name} is running`);
      const from = primary.running!.clusterDir;
      const client = new pg.Client({ connectionString: adminUrl(primary.port) });
      await client.connect();
      try {
        await client.query("SELECT pg_backup_start('concord-rejoin', true)");
        const target = down.dataDir;
        rmSync(target, { recursive: true, force: true });
        const owner = statSync(from);
        copyCluster(from, target, owner.uid, owner.gid);
        const { rows } = await client.query<{ labelfile: string; spcmapfile: string | null }>(
          'SELECT labelfile, spcmapfile FROM pg_backup_stop(true)',
        );
        writeFileSync(join(target, 'backup_label'), rows[0].labelfile);
        if (rows[0].spcmapfile) writeFileSync(join(target, 'tablespace_map'), rows[0].spcmapfile);
        for (const file of ['backup_label', 'tablespace_map'])
          if (existsSync(join(target, file))) chownSync(join(target, file), owner.uid, owner.gid);
        makeStandby(target, down.name, primary.port);
      } finally {
        await client.end();
      }
      await start(down);
      // Synchronous again: from now on a commit waits for the rejoined replica.
      await query(adminUrl(primary.port), `ALTER SYSTEM SET synchronous_standby_names = '${down.name}'`);
      await query(adminUrl(primary.port), 'SELECT pg_reload_conf()');
    },
    replicating: async (timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      let last: unknown = null;
      while (Date.now() < deadline) {
        try {
          const rows = await query<{ application_name: string; state: string; sync_state: string }>(
            pair.adminUrl(),
            'SELECT application_name, state, sync_state FROM pg_stat_replication',
          );
          if (rows.some((r) => r.state === 'streaming' && r.sync_state === 'sync')) return;
          last = rows;
        } catch (error) {
          last = (error as Error).message;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`No synchronous replica after ${timeoutMs} ms: ${JSON.stringify(last)}`);
    },
    stop: async () => {
      for (const node of nodes) await node.running?.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await pair.replicating();
  return pair;
}
