// Where a measurement's CPU went, from /proc: for every process the bench
// started (the services, the gateway, nats-server, PostgreSQL and its
// backends) and the load generator itself, the CPU time it ran and the time
// it waited on a run queue for a core (the kernel's schedstat, summed over
// threads) during a window. Divided by the requests answered in that window,
// the cost of one request per process, which on a shared 2-core machine is
// steadier than latency, and how long the request's processes waited for a
// core rather than for each other.
import { readdirSync, readFileSync } from 'node:fs';

function read(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process or thread ended between listing and reading
  }
}

/** pid → parent pid, for every process on the machine. */
function parents() {
  const map = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (!stat) continue;
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    map.set(Number(entry), ppid);
  }
  return map;
}

/** The group a process counts under: the app it runs, nats, postgres, the load generator, or another process. */
function groupOf(pid) {
  if (pid === process.pid) return 'load generator';
  const cmd = (read(`/proc/${pid}/cmdline`) ?? '').replace(/\0/g, ' ');
  const app = cmd.match(/apps\/(\w+)\/dist\/main\.js/);
  if (app) return app[1];
  const comm = (read(`/proc/${pid}/comm`) ?? '').trim();
  if (comm === 'nats-server') return 'nats';
  if (comm === 'postgres' || cmd.startsWith('postgres')) return 'postgres';
  return 'other';
}

/** CPU and run-queue wait (ns) of every process descending from this one, by group. */
function snapshot() {
  const ppid = parents();
  const ours = new Set([process.pid]);
  // Descendants: repeat until no process joins (a child may be listed before its parent).
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of ppid) if (!ours.has(pid) && ours.has(parent)) (ours.add(pid), (grew = true));
  }
  const perProcess = new Map();
  for (const pid of ours) {
    let run = 0;
    let wait = 0;
    let tasks;
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      const fields = read(`/proc/${pid}/task/${tid}/schedstat`)?.trim().split(' ').map(Number);
      if (!fields) continue;
      run += fields[0];
      wait += fields[1];
    }
    perProcess.set(pid, { group: groupOf(pid), run, wait });
  }
  return perProcess;
}

/**
 * Starts a window; `end()` answers, per group, the CPU milliseconds run and the milliseconds spent waiting for a core since
 * then. A process that started inside the window counts from zero; one that ended inside it is missing (the services keep
 * their PostgreSQL connections, so no backend ends during a measurement).
 */
export function cpuWindow() {
  const before = snapshot();
  return {
    end() {
      const groups = new Map();
      for (const [pid, now] of snapshot()) {
        const then = before.get(pid) ?? { run: 0, wait: 0 };
        const g = groups.get(now.group) ?? { cpuMs: 0, waitMs: 0 };
        g.cpuMs += (now.run - then.run) / 1e6;
        g.waitMs += (now.wait - then.wait) / 1e6;
        groups.set(now.group, g);
      }
      return groups;
    },
  };
}

/** Runs `work` inside a window: its result, and what each group cost. */
export async function measured(work) {
  const window = cpuWindow();
  const result = await work();
  return { result, cpu: window.end() };
}
