import { spawn, type ChildProcess } from 'node:child_process';
import { DEFAULT_BACKOFF, RestartBackoff, type BackoffSettings } from './restart-backoff';

export interface ServiceSpec {
  /** `registry`, `gateway`, … */
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

interface Supervised {
  spec: ServiceSpec;
  backoff: RestartBackoff;
  child: ChildProcess | null;
  startedAt: number;
  restartTimer: NodeJS.Timeout | null;
  restarts: number;
  lastExit: string | null;
}

export interface SupervisorOptions {
  log: (line: string) => void;
  warn: (line: string) => void;
  /** Told every PID it spawns (first start and restarts), to record it in the lock file. */
  onSpawn: (name: string, pid: number) => void;
  backoff?: BackoffSettings;
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return code !== null ? `exit code ${code}` : `signal ${signal}`;
}

/**
 * Keeps services running: one that exits while the system is up is started
 * again after a backoff (0.5 s doubling to 30 s, reset once it has stayed up
 * a minute), and each restart is logged with how it exited. Each service has
 * its own process group, so a terminal's Ctrl-C reaches only the launcher,
 * which stops them in order.
 */
export class ServiceSupervisor {
  private readonly services = new Map<string, Supervised>();
  private stopping = false;

  constructor(private readonly options: SupervisorOptions) {}

  start(spec: ServiceSpec): void {
    const service: Supervised = {
      spec,
      backoff: new RestartBackoff(this.options.backoff ?? DEFAULT_BACKOFF),
      child: null,
      startedAt: 0,
      restartTimer: null,
      restarts: 0,
      lastExit: null,
    };
    this.services.set(spec.name, service);
    this.spawn(service);
  }

  /** Whether every service is running right now (none waiting to be restarted). */
  allRunning(): boolean {
    return [...this.services.values()].every((s) => s.child !== null);
  }

  /** Services that have crashed, with how they last exited: for a message when the system does not get ready. */
  crashed(): string[] {
    return [...this.services.values()]
      .filter((s) => s.restarts > 0)
      .map((s) => `${s.spec.name} (${s.restarts}×, last ${s.lastExit})`);
  }

  pid(name: string): number | undefined {
    return this.services.get(name)?.child?.pid;
  }

  /** SIGTERM to every service (they drain NATS and finish in-flight requests); SIGKILL after `graceMs`. Resolves once all have exited. */
  async stop(graceMs = 15_000): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.services.values()].map(async (service) => {
        if (service.restartTimer) clearTimeout(service.restartTimer);
        const child = service.child;
        if (!child) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        signalGroup(child, 'SIGTERM');
        const kill = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
        await exited;
        clearTimeout(kill);
      }),
    );
  }

  private spawn(service: Supervised) {
    const { spec } = service;
    const child = spawn(spec.command, spec.args, {
      env: spec.env,
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    });
    child.once('error', (error) => this.options.warn(`${spec.name}: ${error.message}`));
    service.child = child;
    service.startedAt = Date.now();
    if (child.pid !== undefined) this.options.onSpawn(spec.name, child.pid);
    child.once('exit', (code, signal) => {
      service.child = null;
      if (this.stopping) return;
      const uptime = Date.now() - service.startedAt;
      const delay = service.backoff.next(uptime);
      service.restarts += 1;
      service.lastExit = describeExit(code, signal);
      this.options.warn(
        `${spec.name} exited (${service.lastExit}) after ${(uptime / 1000).toFixed(1)} s; restarting it in ${delay / 1000} s (restart ${service.restarts})`,
      );
      service.restartTimer = setTimeout(() => {
        service.restartTimer = null;
        if (this.stopping) return;
        this.spawn(service);
        this.options.log(`${spec.name} restarted (PID ${service.child?.pid})`);
      }, delay);
    });
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    child.kill(signal);
  }
}
