import { spawn, type ChildProcess } from 'node:child_process';
import { unlinkSync } from 'node:fs';
import { stopOrphans, readLock, type LauncherLock } from './launcher-lock';
import { isRunning, type ProcessIdentity } from './process-identity';

/**
 * Children die with the launcher, even when it is SIGKILLed.
 *
 * How: a small watchdog process whose stdin is a pipe from the launcher.
 * The kernel closes the launcher's end when the launcher dies, however it
 * dies (SIGKILL, OOM killer, a crash), so the watchdog reads end-of-file at
 * once: no polling, and no confusion when PIDs are reused. It then stops
 * everything the lock file records (services, then NATS, then PostgreSQL)
 * and removes the lock. We chose this over the alternatives because:
 * `prctl(PR_SET_PDEATHSIG)` is not reachable from Node; wrapping each child
 * in util-linux's `setpriv --pdeathsig` (Linux only) would signal every
 * child at the same instant, PostgreSQL while the services still drain,
 * with no SIGKILL for one that hangs; polling `process.ppid` works only in
 * our own Node services, not in postgres or nats-server. The watchdog runs in
 * its own session, so a terminal's Ctrl-C does not reach it; our end of the
 * pipe is close-on-exec, so no other child holds it open. If the watchdog
 * is killed too, the next start stops the orphans from the same lock file.
 */
export interface Watchdog {
  pid: number;
  /** Tells the watchdog we stopped everything ourselves, and waits for it to exit. */
  dismiss(): Promise<void>;
}

export function startWatchdog(lock: LauncherLock, script: string): Watchdog {
  const child: ChildProcess = spawn(
    process.execPath,
    [script, lock.path, String(lock.launcher.pid), lock.launcher.startTime ?? ''],
    { stdio: ['pipe', 'ignore', 'inherit'], detached: true },
  );
  if (child.pid === undefined) throw new Error(`Could not start the launcher's watchdog (${script})`);
  // Neither the watchdog nor its pipe keeps the launcher's event loop alive; dismiss() takes them back.
  child.unref();
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  lock.recordWatchdog(child.pid);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid: child.pid,
    dismiss: async () => {
      child.ref();
      child.stdin?.end();
      await exited;
    },
  };
}

/**
 * Whether `process_` is gone within `ms`. A process killed with SIGKILL
 * closes its files (our pipe's end) before the kernel marks it a zombie: on a
 * busy machine the watchdog can read end-of-file while /proc still shows the
 * launcher running, so it waits for the exit to finish instead of taking one
 * look.
 */
async function exits(process_: ProcessIdentity, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isRunning(process_)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** The watchdog's side: waits for the launcher's pipe to close, then stops what the launcher left. */
export function runWatchdog(lockPath: string, launcher: ProcessIdentity): void {
  for (const signal of ['SIGINT', 'SIGHUP', 'SIGPIPE'] as const) process.on(signal, () => undefined);
  // Its stderr is the launcher's terminal, which may be gone: a failed write must not stop the cleanup.
  process.stderr.on('error', () => undefined);
  const log = (line: string) => process.stderr.write(`• watchdog: ${line}\n`);
  let done = false;
  const launcherGone = async () => {
    if (done) return;
    done = true;
    const lock = readLock(lockPath);
    // The launcher released the lock: it stopped everything itself.
    const ours = lock && lock.launcher.pid === launcher.pid && lock.launcher.startTime === launcher.startTime;
    if (ours && (await exits(launcher, 10_000))) {
      await stopOrphans(lock, log);
      try {
        unlinkSync(lockPath);
      } catch {
        // the next launcher took it
      }
      log('stopped everything the launcher had started');
    }
    process.exit(0);
  };
  process.stdin.on('end', () => void launcherGone());
  process.stdin.on('close', () => void launcherGone());
  process.stdin.on('error', () => void launcherGone());
  process.stdin.resume();
}
