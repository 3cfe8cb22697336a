import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from '@concord/testing';
import { LOCK_FILE, readLock, type LockContents } from './launcher-lock';
import { isRunning } from './process-identity';
import { stopProcesses } from './stop-processes';
import { eventually, killQuietly, running } from './test-processes.test-helpers';

const root = join(process.cwd(), '..', '..');
const STARTED = /Concord is running/;

/** `npm start` minus install and build: the launcher itself, as a real process in its own group. */
class Launcher {
  readonly child: ChildProcess;
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, [join(root, 'infra/start-system.mjs')], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    for (const stream of [this.child.stdout!, this.child.stderr!])
      stream.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  get pid(): number {
    return this.child.pid!;
  }

  async waitFor(pattern: RegExp, ms = 180_000): Promise<void> {
    let gone = false;
    void this.exited.then(() => (gone = true));
    await eventually(
      `${pattern} in the launcher's output:\n${this.output.slice(-3000)}`,
      () => {
        if (pattern.test(this.output)) return true;
        if (gone) throw new Error(`The launcher exited before ${pattern}:\n${this.output.slice(-3000)}`);
        return false;
      },
      ms,
    );
  }
}

describe('npm start (infra/start-system.mjs)', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let system: string;
  const launchers: Launcher[] = [];
  const lockFile = () => join(dataDir, LOCK_FILE);
  const lock = (): LockContents => readLock(lockFile())!;
  const start = () => {
    const launcher = new Launcher(env);
    launchers.push(launcher);
    return launcher;
  };
  /** The whole system answers: PostgreSQL, NATS and every service (`/health/ready` is only the gateway's own connections). */
  const systemAnswers = async () => (await fetch(system).catch(() => null))?.status === 200;

  beforeAll(async () => {
    // A fresh data folder inside a folder mode 0700 (mkdtemp's): as root, PostgreSQL's cluster has to be kept elsewhere.
    dataDir = join(mkdtempSync(join(tmpdir(), 'concord-launcher-')), 'data');
    const [pg, nats, http] = [await freePort(), await freePort(), await freePort()];
    env = {
      ...process.env,
      CONCORD_DATA_DIR: dataDir,
      CONCORD_PG_PORT: String(pg),
      CONCORD_NATS_PORT: String(nats),
      PORT: String(http),
    };
    for (const name of ['DATABASE_URL', 'NATS_URL', 'CONCORD_ENV', 'HOST']) delete env[name];
    system = `http://127.0.0.1:${http}/health/system`;
  });

  afterAll(async () => {
    const left = readLock(lockFile());
    for (const launcher of launchers) killQuietly(-launcher.pid);
    if (left) await stopProcesses(left.processes, () => undefined, 5_000);
    const elsewhere = join(dataDir, 'postgres', 'cluster-elsewhere.json');
    if (existsSync(elsewhere))
      rmSync(dirname((JSON.parse(readFileSync(elsewhere, 'utf8')) as { path: string }).path), {
        recursive: true,
        force: true,
      });
    rmSync(dirname(dataDir), { recursive: true, force: true });
  });

  /** One step of a story: a story is one test (each step needs what the one before left), so a failure names its step. */
  async function step(name: string, play: () => Promise<void>): Promise<void> {
    try {
      await play();
    } catch (error) {
      throw new Error(`The step "${name}" failed: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  }

  /** SIGTERM: the launcher exits only once the services, NATS and PostgreSQL have all stopped. */
  async function stopsCleanly(launcher: Launcher): Promise<void> {
    const recorded = lock();
    let runningAtExit: number[] | undefined;
    launcher.child.once('exit', () => (runningAtExit = running([...recorded.processes, recorded.watchdog!])));

    launcher.child.kill('SIGTERM');
    const { code } = await launcher.exited;

    expect(code).toBe(0);
    expect(runningAtExit).toEqual([]);
    expect(existsSync(lockFile())).toBe(false);
    expect(launcher.output).toMatch(/Stopped\.\n$/);
  }

  it('one launcher: a second on the same data folder refuses, a crashed service is restarted, SIGTERM stops everything', async () => {
    const first = start();
    await step('a second launcher on the same data folder refuses at once, naming the first PID', async () => {
      await first.waitFor(STARTED);

      const second = start();
      const { code } = await second.exited;

      expect(code).toBe(1);
      expect(second.output).toContain(
        `Concord is already running on the data folder ${dataDir}: launcher PID ${first.pid}`,
      );
      expect(second.output).not.toMatch(STARTED);
      expect(await systemAnswers()).toBe(true);
      expect(running(lock().processes)).toHaveLength(7); // postgres, nats, 4 services, gateway
    });

    await step('a registry that crashes comes back under a new PID and the system answers again', async () => {
      const registry = lock().processes.find((p) => p.name === 'registry')!;

      killQuietly(-registry.pid);

      await first.waitFor(/registry exited \(signal SIGKILL\) after [\d.]+ s; restarting it in 0\.5 s/);
      await eventually('a new registry is recorded', () => {
        const now = lock().processes.find((p) => p.name === 'registry')!;
        return now.pid !== registry.pid && isRunning(now);
      });
      await eventually('ready again', systemAnswers, 60_000);
      expect(first.child.exitCode).toBeNull();
    });

    await step('on SIGTERM it exits only once the services, NATS and PostgreSQL have all stopped', () =>
      stopsCleanly(first),
    );
  }, 400_000);

  it('a dead launcher: its watchdog stops what it started; without a watchdog, the next launcher stops the orphans', async () => {
    await step('a SIGKILLed launcher leaves nothing running: its watchdog stops every process it started', async () => {
      const launcher = start();
      await launcher.waitFor(STARTED);
      const recorded = lock();

      launcher.child.kill('SIGKILL');

      await eventually(
        'every recorded process is gone',
        () => running([...recorded.processes, recorded.watchdog!]).length === 0,
        60_000,
      );
      expect(existsSync(lockFile())).toBe(false);
    });

    let next: Launcher | undefined;
    await step(
      "the next launcher stops a dead launcher's orphans (its watchdog killed too) before starting",
      async () => {
        const crashed = start();
        await crashed.waitFor(STARTED);
        const orphans = lock();
        killQuietly(crashed.pid);
        killQuietly(orphans.watchdog!.pid);
        await crashed.exited;
        expect(running(orphans.processes)).toHaveLength(7);

        next = start();
        await next.waitFor(STARTED);

        expect(next.output).toContain(
          `The launcher that held this data folder (PID ${crashed.pid}) is gone; stopping what it left running`,
        );
        expect(running(orphans.processes)).toEqual([]);
        expect(lock().launcher.pid).toBe(next.pid);
        expect(await systemAnswers()).toBe(true);
      },
    );
    await step('and it stops cleanly', () => stopsCleanly(next!));
  }, 600_000);
});
