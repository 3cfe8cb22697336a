import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killQuietly } from './test-processes.test-helpers';

const root = join(process.cwd(), '..', '..');

/** Stands in for the launcher: takes a while to stop, as PostgreSQL, NATS and the services do, and says when it is done. */
const SLOW_TO_STOP = `
process.on('SIGTERM', () => setTimeout(() => { require('node:fs').writeFileSync('stopped', 'yes'); process.exit(0); }, 1500));
console.log('ready', process.pid);
setInterval(() => {}, 1000);
`;

describe('npm start', () => {
  it('returns only once the launcher has stopped, when npm is sent SIGTERM', async () => {
    // The root package.json's own start script, with the launcher replaced by one that is slow to stop.
    const script: string = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }
    ).scripts.start;
    expect(script).toContain('node infra/bootstrap.mjs start');
    const dir = mkdtempSync(join(tmpdir(), 'concord-npm-start-'));
    writeFileSync(join(dir, 'launcher.js'), SLOW_TO_STOP);
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: 'npm-start-signals',
        private: true,
        scripts: { start: script.replace('node infra/bootstrap.mjs start', 'node launcher.js') },
      }),
    );
    let launcher: number | undefined;
    try {
      const npm = spawn('npm', ['start', '--silent'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise((resolve) =>
        npm.stdout.on('data', (chunk: Buffer) => {
          const ready = /ready (\d+)/.exec(chunk.toString());
          if (ready) resolve((launcher = Number(ready[1])));
        }),
      );
      let stoppedWhenNpmReturned: boolean | undefined;
      const returned = new Promise((resolve) =>
        npm.once('exit', () => resolve((stoppedWhenNpmReturned = existsSync(join(dir, 'stopped'))))),
      );

      npm.kill('SIGTERM');
      await returned;

      expect(stoppedWhenNpmReturned).toBe(true);
    } finally {
      killQuietly(launcher); // only left running when npm did not wait for it
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
