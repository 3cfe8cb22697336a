/**
 * A three-node nats-server cluster with JetStream on loopback ports, each
 * node with the bus's authorization (every identity's NKey and permissions,
 * as the tests' single server has it), so the event stream can be kept at
 * three replicas. Nodes can be killed and started again on their own store.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { freePort } from '@concord/database';
import { startNatsServer, type RunningNats } from '@concord/local-servers';
import { connectNats, natsOptions } from '@concord/messaging';
import { writeTestNatsConfig, type TestNatsIdentity } from '@concord/testing';

export interface NatsNode {
  name: string;
  port: number;
  running: RunningNats | null;
}

export interface NatsCluster {
  nodes: NatsNode[];
  /** Every node's client URL, comma-separated: a process's NATS_URL. */
  url: string;
  seeds: Record<TestNatsIdentity, string>;
  /** A connection as the tests' own identity, which may use any subject. */
  harness(): Promise<NatsConnection>;
  /** SIGKILL: no goodbye to the cluster or the clients. */
  kill(name: string): void;
  start(name: string): Promise<void>;
  /** The server that leads `stream` now. */
  streamLeader(stream: string): Promise<string>;
  /** Resolves once `stream` has a leader and every replica is current. */
  streamHealthy(stream: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startNatsCluster(dir: string, size = 3): Promise<NatsCluster> {
  mkdirSync(dir, { recursive: true });
  const { file: base, seeds } = writeTestNatsConfig(dir);
  const common = readFileSync(base, 'utf8');
  const ports = await Promise.all(Array.from({ length: size * 2 }, () => freePort()));
  const nodes: NatsNode[] = Array.from({ length: size }, (_, i) => ({
    name: `n${i + 1}`,
    port: ports[i],
    running: null,
  }));
  const routes = ports.slice(size).map((p) => `nats-route://127.0.0.1:${p}`);
  const configs = new Map<string, string>();
  nodes.forEach((node, i) => {
    const config = join(dir, `${node.name}.conf`);
    writeFileSync(
      config,
      `${common}\nserver_name: ${node.name}\ncluster {\n  name: concord\n  listen: 127.0.0.1:${ports[size + i]}\n  routes: [${routes.join(', ')}]\n}\n`,
      { mode: 0o600 },
    );
    configs.set(node.name, config);
  });
  const node = (name: string) => {
    const found = nodes.find((n) => n.name === name);
    if (!found) throw new Error(`No NATS node ${name}`);
    return found;
  };
  const start = async (name: string) => {
    const n = node(name);
    n.running = await startNatsServer({ port: n.port, storeDir: join(dir, n.name), configFile: configs.get(name)! });
  };
  await Promise.all(nodes.map((n) => start(n.name)));
  const url = nodes.map((n) => `nats://127.0.0.1:${n.port}`).join(',');
  const harness = () => connectNats(natsOptions('harness', { NATS_URL: url, NATS_NKEY_SEED: seeds.harness }));

  const cluster: NatsCluster = {
    nodes,
    url,
    seeds,
    harness,
    kill: (name) => {
      const n = node(name);
      n.running?.process.kill('SIGKILL');
      n.running = null;
    },
    start,
    streamLeader: async (stream) => {
      let leader = '';
      await untilAnswered(harness, async (jsm) => {
        leader = (await jsm.streams.info(stream)).cluster?.leader ?? '';
        if (!leader) throw new Error(`${stream} has no leader`);
      });
      return leader;
    },
    streamHealthy: async (stream, timeoutMs = 60_000) => {
      await untilAnswered(
        harness,
        async (jsm) => {
          const info = await jsm.streams.info(stream);
          const replicas = info.cluster?.replicas ?? [];
          const healthy =
            info.cluster?.leader && replicas.length === size - 1 && replicas.every((r) => r.current && !r.offline);
          if (!healthy) throw new Error(`${stream} not healthy: ${JSON.stringify(info.cluster)}`);
        },
        timeoutMs,
      );
    },
    stop: async () => {
      await Promise.all(nodes.map(async (n) => n.running?.stop()));
    },
  };
  // Clustered JetStream answers once its servers have elected a meta leader.
  await untilAnswered(harness, async (jsm) => {
    await jsm.getAccountInfo();
  });
  return cluster;
}

/**
 * Retries `check` with a JetStream manager until it passes: a cluster that
 * has just lost or regained a server answers its API once it has elected
 * its leaders again.
 */
async function untilAnswered(
  connect: () => Promise<NatsConnection>,
  check: (jsm: JetStreamManager) => Promise<void>,
  timeoutMs = 30_000,
): Promise<void> {
  const nc = await connect();
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        await check(await jetstreamManager(nc, { timeout: 2000, checkAPI: false }));
        return;
      } catch (error) {
        if (Date.now() > deadline)
          throw new Error(`After ${timeoutMs} ms: ${(error as Error).message}`, { cause: error });
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  } finally {
    await nc.close();
  }
}
