#!/usr/bin/env node
// Kubernetes probes for the four services (infra/kubernetes/base/<service>/deployment.yaml).
// A service takes no connections and answers its health check over NATS only,
// where only the gateway may ask it (ADR 0013); so the probe looks at the pod
// from inside, with nothing but the service's own environment:
//
//   node service-probe.mjs live    exit 0 while the pod holds an established TCP
//                                  connection to NATS (the port of NATS_URL). The
//                                  service keeps one open for as long as it runs;
//                                  NATS drops a client that stops answering its
//                                  pings, so a hung process loses it too.
//   node service-probe.mjs ready   live, and PostgreSQL answers `SELECT 1` as the
//                                  service's own role (DATABASE_URL) within 2 s:
//                                  what the service's health handler checks.
//
// It opens no NATS connection and holds no key; it prints why it fails.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const ESTABLISHED = '01';

/** The ports of the servers in NATS_URL (nats://a:4222,nats://b:4223; 4222 when none is given). */
export function natsPorts(url = process.env.NATS_URL ?? '') {
  const ports = new Set();
  for (const server of url.split(',').filter(Boolean)) {
    const match = /^[a-z]+:\/\/(?:[^@/]*@)?(?:\[[^\]]+\]|[^:/]+)(?::(\d+))?/i.exec(server.trim());
    if (match) ports.add(Number(match[1] ?? 4222));
  }
  return ports.size > 0 ? ports : new Set([4222]);
}

/** Whether /proc/net/tcp{,6} of this pod list an established connection to one of `ports`. */
export function connectedTo(ports, tables = ['/proc/net/tcp', '/proc/net/tcp6']) {
  for (const table of tables) {
    let text;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 4 || fields[3] !== ESTABLISHED) continue;
      const remotePort = parseInt(fields[2].split(':')[1], 16);
      if (ports.has(remotePort)) return true;
    }
  }
  return false;
}

async function databaseAnswers(url, timeoutMs) {
  const pg = createRequire(import.meta.url)('pg');
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main(mode) {
  if (mode !== 'live' && mode !== 'ready') {
    console.error('usage: node service-probe.mjs live|ready');
    return 2;
  }
  const ports = natsPorts();
  if (!connectedTo(ports)) {
    console.error(`not live: no established connection to NATS (port ${[...ports].join(', ')})`);
    return 1;
  }
  if (mode === 'live') return 0;
  if (!process.env.DATABASE_URL) {
    console.error('not ready: DATABASE_URL is not set');
    return 1;
  }
  try {
    await databaseAnswers(process.env.DATABASE_URL, 2000);
  } catch (error) {
    console.error(`not ready: PostgreSQL does not answer (${error instanceof Error ? error.message : String(error)})`);
    return 1;
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv[2]);
}
