#!/usr/bin/env node
// The README's commands: `npm start`, `npm test`, `npm run bench`.
// Plain Node, no dependencies: installs what is missing (npm ci), builds
// (turbo), then hands over to the command.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
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

ensureInstalled();
switch (command) {
  case 'start':
    build();
    await import('./start-system.mjs');
    break;
  case 'test':
    run('npx', ['turbo', 'run', 'test', '--concurrency=2', '--output-logs=full', ...process.argv.slice(3)]);
    break;
  case 'bench':
    build();
    run('node', ['bench/run.mjs', ...process.argv.slice(3)]);
    break;
  default:
    console.error('usage: node infra/bootstrap.mjs start|test|bench');
    process.exit(2);
}
