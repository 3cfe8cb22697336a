import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LauncherLock,
  LauncherLockedError,
  LOCK_FILE,
  readLock,
  refuseIfHeld,
  type LockContents,
} from './launcher-lock';
import { identify, isRunning } from './process-identity';
import type { RecordedProcess } from './stop-processes';
import { deadProcess, killQuietly, running, sleeper } from './test-processes.test-helpers';

function service(name: string, pid: number, order = 0): RecordedProcess {
  return { ...identify(pid), name, stopSignal: 'SIGTERM', group: true, order };
}

describe('LauncherLock', () => {
  let dataDir: string;
  const started: number[] = [];
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'concord-lock-'));
  });
  afterEach(() => {
    for (const pid of started.splice(0)) killQuietly(pid);
    rmSync(dataDir, { recursive: true, force: true });
  });
  const spawnSleeper = () => {
    const child = sleeper();
    started.push(child.pid!);
    return child.pid!;
  };
  const writeLock = (contents: LockContents) =>
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify(contents, null, 2));

  it('refuses while the launcher that holds the data folder runs, naming its PID, and leaves its processes alone', async () => {
    const launcher = spawnSleeper();
    const postgres = spawnSleeper();
    writeLock({
      launcher: identify(launcher),
      watchdog: null,
      startedAt: '2026-12-02T10:00:00.000Z',
      processes: [service('postgres', postgres, 2)],
    });

    const refusal = LauncherLock.acquire(dataDir, () => undefined);

    await expect(refusal).rejects.toThrow(LauncherLockedError);
    await expect(refusal).rejects.toThrow(`launcher PID ${launcher}`);
    expect(() => refuseIfHeld(dataDir)).toThrow(`kill ${launcher}`);
    expect(isRunning(identify(postgres))).toBe(true);
    expect(readLock(join(dataDir, LOCK_FILE))?.launcher.pid).toBe(launcher);
  });

  it("stops a dead launcher's orphans (services, then NATS, then PostgreSQL) and takes the data folder", async () => {
    const orphans = [
      service('registry', spawnSleeper()),
      service('nats', spawnSleeper(), 1),
      service('postgres', spawnSleeper(), 2),
    ];
    writeLock({
      launcher: await deadProcess(),
      watchdog: null,
      startedAt: '2026-12-02T10:00:00.000Z',
      processes: orphans,
    });
    const lines: string[] = [];

    const lock = await LauncherLock.acquire(dataDir, (l) => lines.push(l));

    expect(running(orphans)).toEqual([]);
    expect(lines.filter((l) => l.startsWith('Stopping')).map((l) => l.replace(/ \(PID \d+\)/g, ''))).toEqual([
      'Stopping registry',
      'Stopping nats',
      'Stopping postgres',
    ]);
    expect(readLock(lock.path)?.launcher).toEqual(identify(process.pid));
    expect(() => refuseIfHeld(dataDir)).toThrow(`launcher PID ${process.pid}`);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });

  it('never signals a process that merely reuses a recorded PID', async () => {
    const unrelated = spawnSleeper();
    const reused = { ...service('gateway', unrelated), startTime: '1' }; // same PID, another start time
    writeLock({
      launcher: await deadProcess(),
      watchdog: null,
      startedAt: '2026-12-02T10:00:00.000Z',
      processes: [reused],
    });

    const lock = await LauncherLock.acquire(dataDir, () => undefined);

    expect(isRunning(identify(unrelated))).toBe(true);
    lock.release();
  });

  it('records every process it starts, replacing a restarted one by name', async () => {
    const lock = await LauncherLock.acquire(dataDir, () => undefined);
    const first = spawnSleeper();
    const second = spawnSleeper();
    lock.record({ name: 'registry', pid: first, stopSignal: 'SIGTERM', group: true, order: 0 });
    lock.record({ name: 'registry', pid: second, stopSignal: 'SIGTERM', group: true, order: 0 });

    expect(readLock(lock.path)?.processes.map((p) => [p.name, p.pid])).toEqual([['registry', second]]);
    lock.release();
  });
});
