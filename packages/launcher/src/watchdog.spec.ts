import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE, readLock } from './launcher-lock';
import { isRunning } from './process-identity';
import { eventually, killQuietly, running } from './test-processes.test-helpers';

const dist = join(process.cwd(), 'dist');

/** A launcher in miniature: takes the lock, starts the watchdog and two detached children, records them, and waits. */
const LAUNCHER = `
const { spawn } = require('node:child_process');
const { LauncherLock, startWatchdog } = require(${JSON.stringify(join(dist, 'index.js'))});
(async () => {
  const lock = await LauncherLock.acquire(process.argv[1], () => undefined);
  startWatchdog(lock, ${JSON.stringify(join(dist, 'watchdog-main.js'))});
  for (const [name, order] of [['registry', 0], ['postgres', 2]]) {
    const child = spawn('sleep', ['300'], { stdio: 'ignore', detached: true });
    lock.record({ name, pid: child.pid, stopSignal: 'SIGTERM', group: true, order });
  }
  console.log('ready');
  setInterval(() => {}, 1000);
})();
`;

describe('the watchdog', () => {
  let dataDir: string | undefined;
  afterEach(() => {
    const lock = dataDir && readLock(join(dataDir, LOCK_FILE));
    for (const p of lock ? [...lock.processes, lock.watchdog, lock.launcher] : []) killQuietly(p?.pid);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops every process of a launcher killed with SIGKILL, and frees the data folder', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'concord-watchdog-'));
    const launcher = spawn(process.execPath, ['-e', LAUNCHER, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve) => launcher.stdout.once('data', resolve));
    const lock = readLock(join(dataDir, LOCK_FILE))!;
    expect(running([...lock.processes, lock.watchdog!])).toHaveLength(3);

    launcher.kill('SIGKILL');

    await eventually('the recorded processes are gone', () => running(lock.processes).length === 0);
    await eventually('the watchdog is done', () => !isRunning(lock.watchdog!));
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });
});
