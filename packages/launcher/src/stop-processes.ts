import { isRunning, type ProcessIdentity } from './process-identity';

/** A process the launcher started, as recorded in its lock file. */
export interface RecordedProcess extends ProcessIdentity {
  /** `registry`, `gateway`, `nats`, `postgres`, … */
  name: string;
  /** How it stops cleanly: services and nats-server on SIGTERM, PostgreSQL's fast shutdown on SIGINT. */
  stopSignal: NodeJS.Signals;
  /** Signal its whole process group (services run in their own group). */
  group: boolean;
  /** Stopped in this order: services (0), then NATS (1), then PostgreSQL (2). */
  order: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function signal(process_: RecordedProcess, sig: NodeJS.Signals) {
  try {
    process.kill(process_.group ? -process_.pid : process_.pid, sig);
  } catch {
    // already gone
  }
}

async function waitGone(processes: RecordedProcess[], ms: number): Promise<RecordedProcess[]> {
  const deadline = Date.now() + ms;
  let left = processes.filter(isRunning);
  while (left.length > 0 && Date.now() < deadline) {
    await sleep(100);
    left = left.filter(isRunning);
  }
  return left;
}

/**
 * Stops processes that are not our children (a dead launcher's): the clean
 * signal first, tier by tier, then SIGKILL for any still running after
 * `graceMs`. Resolves once every one of them is gone.
 */
export async function stopProcesses(
  processes: RecordedProcess[],
  log: (line: string) => void,
  graceMs = 15_000,
): Promise<void> {
  const orders = [...new Set(processes.map((p) => p.order))].sort((a, b) => a - b);
  for (const order of orders) {
    const tier = processes.filter((p) => p.order === order && isRunning(p));
    if (tier.length === 0) continue;
    log(`Stopping ${tier.map((p) => `${p.name} (PID ${p.pid})`).join(', ')}`);
    for (const p of tier) signal(p, p.stopSignal);
    const stubborn = await waitGone(tier, graceMs);
    for (const p of stubborn) {
      log(`${p.name} (PID ${p.pid}) did not stop within ${graceMs / 1000} s: killing it`);
      signal(p, 'SIGKILL');
    }
    await waitGone(stubborn, 5_000);
  }
}
