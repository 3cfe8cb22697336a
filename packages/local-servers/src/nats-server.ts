import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { ensureCommand } from './debian-command';

export const NATS_INSTALL_HELP = [
  'nats-server was not found on PATH. Concord starts one when NATS_URL is not set. Either:',
  '  - Debian/Ubuntu: sudo apt-get install nats-server',
  '  - macOS: brew install nats-server',
  '  - download a release from https://github.com/nats-io/nats-server/releases and put nats-server on PATH',
  '  - Docker: docker run -p 4222:4222 nats:2 -js   (then set NATS_URL=nats://127.0.0.1:4222)',
  '  - or point NATS_URL at a NATS server with JetStream enabled.',
].join('\n');

/**
 * Finds `nats-server`. On a Debian machine where it is missing and we are
 * root, installs Debian's package (and says so); elsewhere stops with a
 * message that says how to get one.
 */
export function ensureNatsServerBinary(log: (line: string) => void = console.log): string {
  return ensureCommand({ binary: 'nats-server', debianPackage: 'nats-server', help: NATS_INSTALL_HELP }, log);
}

export interface RunningNats {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Resolves once something accepts TCP connections on host:port. */
export async function waitForPort(port: number, host = '127.0.0.1', timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`Nothing listens on ${host}:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts nats-server with JetStream on 127.0.0.1:`port`, its store in `storeDir`. */
export async function startNatsServer(options: {
  port: number;
  storeDir: string;
  configFile?: string;
  log?: (line: string) => void;
  /** Told nats-server's PID as soon as it is spawned (the launcher records it to stop it if the launcher dies). */
  onSpawn?: (pid: number) => void;
}): Promise<RunningNats> {
  const binary = ensureNatsServerBinary(options.log);
  mkdirSync(options.storeDir, { recursive: true });
  const args = options.configFile ? ['-c', options.configFile] : [];
  args.push('-js', '-a', '127.0.0.1', '-p', String(options.port), '-sd', options.storeDir);
  // Own process group: a terminal's Ctrl-C reaches the launcher, which stops NATS after the services.
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  if (child.pid !== undefined) options.onSpawn?.(child.pid);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await Promise.race([
    waitForPort(options.port),
    exited.then((code) => {
      throw new Error(`nats-server exited with code ${code}: ${stderr}`);
    }),
  ]);
  return {
    url: `nats://127.0.0.1:${options.port}`,
    process: child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
