#!/usr/bin/env node
// The README's commands: `npm start`, `npm test`, `npm run bench`, `npm run test:cluster`.
// Plain Node, no dependencies: installs what is missing (npm ci), builds
// (turbo), then hands over to the command. package.json runs this with
// `exec`: npm forwards SIGINT/SIGTERM to its child and returns when that
// child exits; without exec the child was `sh`, which died at once, so npm
// returned while the system was still stopping behind the prompt.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const command = process.argv[2];
process.env.TURBO_TELEMETRY_DISABLED = '1';
process.env.TURBO_NO_UPDATE_NOTIFIER = '1';

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env, ...options });
  if (result.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

function ensureInstalled() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (!existsSync(marker) || statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000) {
    console.log('• Installing dependencies (npm ci)…');
    run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
  }
}

function build() {
  console.log('• Building (turbo run build)…');
  run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only', '--log-prefix=none']);
}

/**
 * Tests start their own nats-server unless NATS_URL is set: make sure the
 * binary is there once, before parallel test runs would each try to install it.
 */
async function ensureNatsServer() {
  if (process.env.NATS_URL) return;
  run('npx', [
    'turbo',
    'run',
    'build',
    '--filter=@concord/local-servers',
    '--output-logs=errors-only',
    '--log-prefix=none',
  ]);
  const { ensureNatsServerBinary } = createRequire(import.meta.url)('../packages/local-servers/dist/index.js');
  try {
    ensureNatsServerBinary((line) => console.log(`• ${line}`));
  } catch (error) {
    console.error(`\n✗ ${error.message}`);
    process.exit(1);
  }
}

/** turbo runs every workspace's tests (all of them, even after one fails: every failure is reported); the jest totals are summed into one closing line. */
async function runTests() {
  await ensureNatsServer();
  const child = spawn(
    'npx',
    ['turbo', 'run', 'test', '--concurrency=2', '--continue', '--output-logs=full', ...process.argv.slice(3)],
    {
      cwd: root,
      env: process.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  // Passed on, and waited for: npm (which runs this with exec) returns once the tests have stopped.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  let passed = 0;
  let failed = 0;
  let pending = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const totals = /Tests:\s+(.*)\d+ total/.exec(line);
      if (!totals) continue;
      passed += Number(/(\d+) passed/.exec(totals[1])?.[1] ?? 0);
      failed += Number(/(\d+) failed/.exec(totals[1])?.[1] ?? 0);
    }
  });
  const code = await new Promise((resolve) => child.once('exit', (c) => resolve(c ?? 1)));
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
  if (code !== 0 || passed === 0) process.exit(code || 1);
}

/**
 * A second `npm start` on a data folder a live launcher holds stops here, at
 * once: before `npm ci` or a build would change files under the running system.
 */
function refuseIfRunning() {
  const launcher = join(root, 'packages/launcher/dist/index.js');
  if (!existsSync(launcher)) return; // never built: nothing can be running from this checkout
  const { refuseIfHeld, launcherDataDir } = createRequire(import.meta.url)(launcher);
  try {
    refuseIfHeld(launcherDataDir(root));
  } catch (error) {
    console.error(`\n✗ ${error.message}`);
    process.exit(1);
  }
}

if (command === 'start') refuseIfRunning();
ensureInstalled();
switch (command) {
  case 'start':
    build();
    await import('./start-system.mjs');
    break;
  case 'test':
    await runTests();
    break;
  case 'test:cluster':
    // The cluster story runs the built services as processes: build everything first.
    await ensureNatsServer();
    build();
    run('npm', ['run', 'test:cluster', '-w', '@concord/cluster', '--', ...process.argv.slice(3)]);
    break;
  case 'bench':
    build();
    run('node', ['bench/run.mjs', ...process.argv.slice(3)]);
    break;
  default:
    console.error('usage: node infra/bootstrap.mjs start|test|test:cluster|bench');
    process.exit(2);
}
