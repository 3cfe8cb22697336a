/**
 * Concord as a cluster runs it: every service and the gateway as their own
 * processes (the built `dist/main.js`, as the container image runs them),
 * several instances of each, on a NATS cluster and a PostgreSQL pair. An
 * instance can be killed (SIGKILL) and started again; one that exits on its
 * own is started again a second later, as Kubernetes would, and counted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@concord/database';
import { auditSigningKey } from '@concord/domain';
import { testActorConfig } from '@concord/testing';
import { repoRoot } from './paths';

export const SERVICES = ['registry', 'agreements', 'tasking', 'approvals'] as const;
export type ServiceName = (typeof SERVICES)[number];
export type AppName = ServiceName | 'gateway';

export interface Instance {
  app: AppName;
  /** e.g. `registry-1`. */
  name: string;
  env: NodeJS.ProcessEnv;
  process: ChildProcess | null;
  /** The gateway's base URL. */
  url?: string;
}

export interface ConcordSettings {
  env: string;
  natsUrl: string;
  natsSeeds: Partial<Record<AppName, string>>;
  /** Each app's own DATABASE_URL (both PostgreSQL hosts, read-write). */
  databaseUrls: Record<AppName, string>;
  logDir: string;
  /** The event stream's replicas: the NATS cluster's size (3) unless given. */
  streamReplicas?: number;
  /** More environment for every process (e.g. an OTLP endpoint). */
  environment?: NodeJS.ProcessEnv;
}

export interface ConcordProcesses {
  instances: Instance[];
  gateways(): Instance[];
  of(app: AppName): Instance[];
  kill(instance: Instance): void;
  start(instance: Instance): void;
  /** Instances that exited on their own and were started again (as Kubernetes restarts a crashed container). */
  restarts: string[];
  stop(): Promise<void>;
}

/** Starts `replicas` instances of every service and gateway (gateways on ports of their own). */
export async function startConcord(settings: ConcordSettings, replicas = 2): Promise<ConcordProcesses> {
  const piiKey = randomBytes(32).toString('base64');
  const devAuthSecret = randomBytes(32).toString('hex');
  const auditSeeds = Object.fromEntries(SERVICES.map((s) => [s, randomBytes(32).toString('base64')])) as Record<
    ServiceName,
    string
  >;
  const common = {
    PATH: process.env.PATH,
    CONCORD_ENV: settings.env,
    NATS_URL: settings.natsUrl,
    NATS_STREAM_REPLICAS: String(settings.streamReplicas ?? 3),
    CONCORD_PII_KEY: piiKey,
    LOG_LEVEL: 'warn',
    ...settings.environment,
  };
  const envOf = (app: AppName): NodeJS.ProcessEnv => {
    const own = {
      ...common,
      DATABASE_URL: settings.databaseUrls[app],
      NATS_NKEY_SEED: settings.natsSeeds[app],
      // Every process believes the others' actor proofs; those that send requests sign with their own key (ADR 0014).
      CONCORD_ACTOR_ISSUERS: testActorConfig('gateway').CONCORD_ACTOR_ISSUERS,
      ...(app === 'registry' ? {} : { CONCORD_ACTOR_KEY: testActorConfig(app).CONCORD_ACTOR_KEY }),
    };
    if (app !== 'gateway') return { ...own, [`CONCORD_AUDIT_KEY_${app.toUpperCase()}`]: auditSeeds[app] };
    return {
      ...own,
      HOST: '127.0.0.1',
      CONCORD_DEV_AUTH: '1',
      CONCORD_DEV_AUTH_SECRET: devAuthSecret,
      ...Object.fromEntries(
        SERVICES.map((s) => [
          `CONCORD_AUDIT_PUBLIC_KEY_${s.toUpperCase()}`,
          auditSigningKey(auditSeeds[s]).publicKeyBase64,
        ]),
      ),
    };
  };

  const instances: Instance[] = [];
  for (const app of [...SERVICES, 'gateway'] as const) {
    for (let i = 1; i <= replicas; i++) {
      const instance: Instance = { app, name: `${app}-${i}`, env: envOf(app), process: null };
      if (app === 'gateway') {
        const port = await freePort();
        instance.env = { ...instance.env, PORT: String(port) };
        instance.url = `http://127.0.0.1:${port}`;
      }
      instances.push(instance);
    }
  }

  const restarts: string[] = [];
  let stopping = false;
  const start = (instance: Instance) => {
    const log = createWriteStream(join(settings.logDir, `${instance.name}.log`), { flags: 'a' });
    const child = spawn(process.execPath, [join(repoRoot, 'apps', instance.app, 'dist', 'main.js')], {
      env: instance.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    instance.process = child;
    child.once('exit', (code, signal) => {
      if (stopping || instance.process !== child) return; // stopped or killed on purpose
      restarts.push(`${instance.name} exited (${code ?? signal})`);
      instance.process = null;
      setTimeout(() => {
        if (!stopping && instance.process === null) start(instance);
      }, 1000);
    });
  };
  const kill = (instance: Instance) => {
    instance.process?.kill('SIGKILL');
    instance.process = null;
  };
  // Services first (they make the event stream and the consumers), gateways once they are there.
  for (const instance of instances) start(instance);

  return {
    instances,
    gateways: () => instances.filter((i) => i.app === 'gateway'),
    of: (app) => instances.filter((i) => i.app === app),
    kill,
    start,
    restarts,
    stop: async () => {
      stopping = true;
      await Promise.all(
        instances.map(async (instance) => {
          const child = instance.process;
          if (!child || child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        }),
      );
    },
  };
}

/** Resolves once `url` answers 200 (e.g. a gateway's /health/system: every service answers through it). */
export async function waitFor200(url: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not 200 after ${timeoutMs} ms: ${last}`);
}
