import { readFileSync } from 'node:fs';

/**
 * A process as the lock file records it: its PID and, on Linux, its start
 * time (field 22 of /proc/<pid>/stat, in clock ticks since boot). PIDs are
 * reused; the pair is not, so a PID recorded by a launcher that died days ago
 * never leads us to signal an unrelated process that got the same number.
 */
export interface ProcessIdentity {
  pid: number;
  startTime: string | null;
}

function procStat(pid: number): { state: string; startTime: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], startTime: fields[19] };
  } catch {
    return null;
  }
}

export function identify(pid: number): ProcessIdentity {
  return { pid, startTime: procStat(pid)?.startTime ?? null };
}

/** Whether the recorded process still runs (a zombie, or another process under the same PID, does not). */
export function isRunning(process_: ProcessIdentity): boolean {
  try {
    process.kill(process_.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(process_.pid);
  if (!stat) return process.platform !== 'linux';
  if (stat.state === 'Z' || stat.state === 'X') return false;
  return process_.startTime === null || stat.startTime === process_.startTime;
}
