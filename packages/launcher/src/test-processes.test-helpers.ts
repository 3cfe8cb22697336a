import { spawn, type ChildProcess } from 'node:child_process';
import { identify, isRunning, type ProcessIdentity } from './process-identity';

/** A real process that just waits, in its own process group (as the launcher's children are). */
export function sleeper(): ChildProcess {
  const child = spawn('sleep', ['300'], { stdio: 'ignore', detached: true });
  child.unref();
  return child;
}

/** The identity of a process that ran and is gone. */
export async function deadProcess(): Promise<ProcessIdentity> {
  const child = sleeper();
  const identity = identify(child.pid!);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return identity;
}

/** Waits for `condition`, checking every 100 ms; fails naming `what` after `ms`. */
export async function eventually(
  what: string,
  condition: () => boolean | Promise<boolean>,
  ms = 30_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Still not true after ${ms / 1000} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function running(processes: ProcessIdentity[]): number[] {
  return processes.filter(isRunning).map((p) => p.pid);
}

export function killQuietly(pid: number | undefined, signal: NodeJS.Signals = 'SIGKILL') {
  if (pid === undefined) return;
  try {
    process.kill(pid, signal);
  } catch {
    // gone
  }
}
