import { openSync, closeSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { identify, isRunning, type ProcessIdentity } from './process-identity';
import { stopProcesses, type RecordedProcess } from './stop-processes';

export const LOCK_FILE = 'launcher.lock';

/** What `<data folder>/launcher.lock` holds while a launcher runs. */
export interface LockContents {
  launcher: ProcessIdentity;
  /** The process that stops everything below if the launcher dies without doing it (see watchdog). */
  watchdog: ProcessIdentity | null;
  startedAt: string;
  processes: RecordedProcess[];
}

/** The data folder `npm start` uses: `CONCORD_DATA_DIR`, or `.data` in the checkout. */
export function launcherDataDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.CONCORD_DATA_DIR ?? join(root, '.data'));
}

export class LauncherLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockContents,
  ) {
    const pid = holder.launcher.pid;
    super(
      `Concord is already running on the data folder ${dataDir}: launcher PID ${pid} (started ${holder.startedAt}) holds ${join(dataDir, LOCK_FILE)}.\n` +
        `  Stop it first (Ctrl-C in its terminal, or kill ${pid}), or start another system with its own CONCORD_DATA_DIR and ports.`,
    );
    this.name = 'LauncherLockedError';
  }
}

export function readLock(path: string): LockContents | null {
  const raw = readQuietly(path);
  return raw === null ? null : parseLock(raw);
}

function parseLock(raw: string): LockContents | null {
  try {
    return JSON.parse(raw) as LockContents;
  } catch {
    return null; // half-written by a launcher killed while creating it: nobody holds it
  }
}

function readQuietly(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Throws {@link LauncherLockedError} when a running launcher holds `dataDir`. */
export function refuseIfHeld(dataDir: string): void {
  const lock = readLock(join(dataDir, LOCK_FILE));
  if (lock && isRunning(lock.launcher)) throw new LauncherLockedError(dataDir, lock);
}

/**
 * This launcher's hold on its data folder. Every process it starts is
 * recorded as soon as it is spawned (written to a temporary file and renamed,
 * so a reader never sees half a file): the watchdog, or the next launcher if
 * the watchdog died too, stops exactly those.
 */
export class LauncherLock {
  private contents: LockContents;

  private constructor(
    readonly path: string,
    contents: LockContents,
  ) {
    this.contents = contents;
  }

  /**
   * Takes `dataDir`: refuses at once while another launcher lives; when the
   * lock's launcher is dead, first stops what it left running (services,
   * NATS, PostgreSQL, in that order).
   */
  static async acquire(dataDir: string, log: (line: string) => void): Promise<LauncherLock> {
    const path = join(dataDir, LOCK_FILE);
    const contents: LockContents = {
      launcher: identify(process.pid),
      watchdog: null,
      startedAt: new Date().toISOString(),
      processes: [],
    };
    for (let attempt = 0; ; attempt++) {
      try {
        // 'wx': created only if absent, so of two launchers starting together exactly one gets it.
        const fd = openSync(path, 'wx', 0o644);
        writeSync(fd, JSON.stringify(contents, null, 2));
        closeSync(fd);
        return new LauncherLock(path, contents);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw error;
      }
      const raw = readQuietly(path);
      const stale = raw === null ? null : parseLock(raw);
      if (stale && isRunning(stale.launcher)) throw new LauncherLockedError(dataDir, stale);
      if (stale) await stopOrphans(stale, log);
      // Only the stale file we read: a launcher that took over meanwhile keeps its own.
      if (raw !== null && readQuietly(path) === raw) unlinkQuietly(path);
    }
  }

  get launcher(): ProcessIdentity {
    return this.contents.launcher;
  }

  /** Records (or replaces, by name) a process this launcher started. */
  record(process_: Omit<RecordedProcess, 'startTime'>): void {
    const entry = { ...identify(process_.pid), ...process_ };
    this.contents.processes = [...this.contents.processes.filter((p) => p.name !== process_.name), entry];
    this.write();
  }

  recordWatchdog(pid: number): void {
    this.contents.watchdog = identify(pid);
    this.write();
  }

  get processes(): RecordedProcess[] {
    return this.contents.processes;
  }

  /** Gives the data folder up: everything recorded has stopped. */
  release(): void {
    const current = readLock(this.path);
    if (current && current.launcher.pid === this.contents.launcher.pid) unlinkQuietly(this.path);
  }

  private write() {
    const partial = `${this.path}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(this.contents, null, 2));
    renameSync(partial, this.path);
  }
}

/** Stops what a dead launcher left running, as recorded in its lock. */
export async function stopOrphans(stale: LockContents, log: (line: string) => void): Promise<void> {
  const watchdog = stale.watchdog;
  // A watchdog still at work is stopped so that exactly one of us does the job.
  if (watchdog && isRunning(watchdog) && watchdog.pid !== process.pid) {
    try {
      process.kill(watchdog.pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  const left = stale.processes.filter(isRunning);
  if (left.length === 0) return;
  log(`The launcher that held this data folder (PID ${stale.launcher.pid}) is gone; stopping what it left running`);
  await stopProcesses(left, log);
}

function unlinkQuietly(path: string) {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
