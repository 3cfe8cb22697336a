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

  it('starts, and a second launcher on the same data folder refuses at once, naming the first PID, and changes nothing', async () => {
    const first = start();
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
  }, 240_000);

  it('restarts a service that crashes: the registry comes back under a new PID and the system answers ready again', async () => {
    const [launcher] = launchers;
    const registry = lock().processes.find((p) => p.name === 'registry')!;

    killQuietly(-registry.pid);

    await launcher.waitFor(/registry exited \(signal SIGKILL\) after [\d.]+ s; restarting it in 0\.5 s/);
    await eventually('a new registry is recorded', () => {
      const now = lock().processes.find((p) => p.name === 'registry')!;
      return now.pid !== registry.pid && isRunning(now);
    });
    await eventually('ready again', systemAnswers, 60_000);
    expect(launcher.child.exitCode).toBeNull();
  }, 120_000);

  it('leaves nothing running when the launcher is SIGKILLed: its watchdog stops every process it started', async () => {
    const [launcher] = launchers;
    const recorded = lock();

    launcher.child.kill('SIGKILL');

    await eventually(
      'every recorded process is gone',
      () => running([...recorded.processes, recorded.watchdog!]).length === 0,
      60_000,
    );
    expect(existsSync(lockFile())).toBe(false);
  }, 120_000);

  it("stops a dead launcher's orphans before starting (here its watchdog was killed too)", async () => {
    const crashed = start();
    await crashed.waitFor(STARTED);
    const orphans = lock();
    killQuietly(crashed.pid);
    killQuietly(orphans.watchdog!.pid);
    await crashed.exited;
    expect(running(orphans.processes)).toHaveLength(7);

    const next = start();
    await next.waitFor(STARTED);

    expect(next.output).toContain(
      `The launcher that held this data folder (PID ${crashed.pid}) is gone; stopping what it left running`,
    );
    expect(running(orphans.processes)).toEqual([]);
    expect(lock().launcher.pid).toBe(next.pid);
    expect(await systemAnswers()).toBe(true);
  }, 300_000);

  it('on SIGTERM exits only once the services, NATS and PostgreSQL have all stopped', async () => {
    const launcher = launchers[launchers.length - 1];
    const recorded = lock();
    let runningAtExit: number[] | undefined;
    launcher.child.once('exit', () => (runningAtExit = running([...recorded.processes, recorded.watchdog!])));

    launcher.child.kill('SIGTERM');
    const { code } = await launcher.exited;

    expect(code).toBe(0);
    expect(runningAtExit).toEqual([]);
    expect(existsSync(lockFile())).toBe(false);
    expect(launcher.output).toMatch(/Stopped\.\n$/);
  }, 120_000);
});
