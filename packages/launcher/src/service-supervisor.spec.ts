import { afterEach, describe, expect, it } from '@jest/globals';
import { ServiceSupervisor } from './service-supervisor';
import { eventually, killQuietly } from './test-processes.test-helpers';
import { isRunning, identify } from './process-identity';

const FAST = { initialMs: 50, maxMs: 400, stableMs: 60_000 };

function supervisorWithLogs() {
  const lines: string[] = [];
  const spawned: { name: string; pid: number }[] = [];
  const supervisor = new ServiceSupervisor({
    log: (l) => lines.push(l),
    warn: (l) => lines.push(l),
    onSpawn: (name, pid) => spawned.push({ name, pid }),
    backoff: FAST,
  });
  return { supervisor, lines, spawned };
}

/** A service that runs until told to stop, and stops on SIGTERM. */
const STEADY = ['-e', "process.on('SIGTERM', () => process.exit(0)); setInterval(() => {}, 1000)"];

describe('ServiceSupervisor', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it('restarts a service that crashes, logging its exit code, and keeps the others running', async () => {
    const { supervisor, lines, spawned } = supervisorWithLogs();
    stop = () => supervisor.stop(2_000);
    supervisor.start({ name: 'steady', command: process.execPath, args: STEADY, env: process.env });
    supervisor.start({
      name: 'crashy',
      command: process.execPath,
      args: ['-e', 'setTimeout(() => process.exit(3), 50)'],
      env: process.env,
    });

    await eventually('crashy restarted twice', () => spawned.filter((s) => s.name === 'crashy').length >= 3);
    expect(lines).toContainEqual(
      expect.stringMatching(/^crashy exited \(exit code 3\) after [\d.]+ s; restarting it in 0\.05 s \(restart 1\)$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^crashy exited \(exit code 3\) after [\d.]+ s; restarting it in 0\.1 s \(restart 2\)$/),
    );
    const steady = spawned.filter((s) => s.name === 'steady');
    expect(steady).toHaveLength(1);
    expect(isRunning(identify(steady[0].pid))).toBe(true);
  });

  it('restarts a service killed from outside, under a new PID', async () => {
    const { supervisor, lines, spawned } = supervisorWithLogs();
    stop = () => supervisor.stop(2_000);
    supervisor.start({ name: 'registry', command: process.execPath, args: STEADY, env: process.env });
    const first = spawned[0].pid;
    killQuietly(first);

    await eventually('registry running again', () => spawned.length === 2 && supervisor.allRunning());
    expect(spawned[1].pid).not.toBe(first);
    expect(lines).toContainEqual(expect.stringMatching(/^registry exited \(signal SIGKILL\)/));
  });

  it('stops every service and restarts none of them once stopping', async () => {
    const { supervisor, spawned } = supervisorWithLogs();
    supervisor.start({ name: 'a', command: process.execPath, args: STEADY, env: process.env });
    supervisor.start({ name: 'b', command: process.execPath, args: STEADY, env: process.env });
    const pids = spawned.map((s) => identify(s.pid));

    await supervisor.stop(2_000);

    expect(pids.filter(isRunning)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 300)); // longer than any backoff here
    expect(spawned).toHaveLength(2);
    expect(supervisor.allRunning()).toBe(false);
  });
});
