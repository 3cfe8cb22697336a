/**
 * One request, followed across processes by its trace (ADR 0028): Concord's
 * processes as a deployment runs them (the built `dist/main.js` of every
 * service and the gateway), on real NATS and PostgreSQL, exporting their spans
 * by OTLP to a receiver the test starts. A ministry's system sends a
 * registration with a trace of its own; the trace goes on through the
 * gateway, NATS, the registry and its queries, and the event the registration
 * recorded, to the agreements service that copies the creator. Nothing a
 * person typed (personal data, a search) is in any span.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDatabase, generateRolePasswords, prepareServiceDatabases } from '@concord/database';
import { creatorRegistration, startTestInfrastructure, type TestInfrastructure } from '@concord/testing';
import { startConcord, waitFor200, type AppName, type ConcordProcesses } from './support/concord-processes';
import { SPAN_KIND, startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './support/otlp-receiver';
import { repoRoot } from './support/paths';

let infrastructure: TestInfrastructure;
let receiver: OtlpReceiver;
let concord: ConcordProcesses;
let gateway: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-tracing-'));
  mkdirSync(join(dir, 'logs'));
  [infrastructure, receiver] = await Promise.all([startTestInfrastructure({}), startOtlpReceiver()]);
  const urls = await prepareServiceDatabases({
    adminUrl: await ensureDatabase(infrastructure.databaseUrl, 'concord'),
    root: repoRoot,
    passwords: generateRolePasswords(),
    setPasswords: true,
  });
  concord = await startConcord(
    {
      env: 'tracing',
      natsUrl: infrastructure.natsUrl,
      natsSeeds: infrastructure.natsSeeds,
      databaseUrls: urls as Record<AppName, string>,
      logDir: join(dir, 'logs'),
      streamReplicas: 1,
      // As an operator configures it: the standard OpenTelemetry variables, spans sent every 100 ms.
      environment: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: '100' },
    },
    1,
  );
  gateway = concord.gateways()[0]!.url!;
  await waitFor200(`${gateway}/health/system`);
}, 300_000);

afterAll(async () => {
  await concord?.stop();
  await receiver?.close();
  await infrastructure?.stop();
}, 120_000);

async function token(username: string): Promise<string> {
  const response = await fetch(`${gateway}/v1/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  return ((await response.json()) as { token: string }).token;
}

/** The spans of `traceId` received so far, once `complete` says they are all there (or a minute has passed). */
async function spansOf(traceId: string, complete: (spans: ReceivedSpan[]) => boolean): Promise<ReceivedSpan[]> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const spans = receiver.spans.filter((s) => s.traceId === traceId);
    if (complete(spans) || Date.now() > deadline) return spans;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** Each process exports its spans in its own batches: a trace is complete for a read once both have sent theirs. */
const fromGatewayAndRegistry = (all: ReceivedSpan[]) =>
  all.some((s) => s.service === 'concord-gateway' && s.kind === SPAN_KIND.server) &&
  all.some((s) => s.service === 'concord-registry' && s.kind === SPAN_KIND.server);

test('a registration is one trace from the caller through the gateway, NATS, the registry, PostgreSQL and the event consumer', async () => {
  // The ministry's own system traces too: its span is the parent of everything Concord does for it.
  const traceId = hex(16);
  const callerSpanId = hex(8);
  const registration = creatorRegistration({ displayName: `Trace ${hex(3)}` });
  const response = await fetch(`${gateway}/v1/creators`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await token('registrar@mcst')}`,
      'content-type': 'application/json',
      'idempotency-key': hex(8),
      'x-request-id': 'ministry-trace-0001',
      traceparent: `00-${traceId}-${callerSpanId}-01`,
    },
    body: JSON.stringify(registration),
  });
  expect(response.status).toBe(201);

  const spans = await spansOf(
    traceId,
    (all) =>
      fromGatewayAndRegistry(all) &&
      all.some((s) => s.service === 'concord-agreements' && s.kind === SPAN_KIND.consumer),
  );
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const parentOf = (span: ReceivedSpan) => (span.parentSpanId ? byId.get(span.parentSpanId) : undefined);
  const one = (what: string, found: ReceivedSpan[]) => {
    expect({ what, found: found.length }).toEqual({ what, found: 1 });
    return found[0]!;
  };

  // The gateway's HTTP span continues the caller's trace, named for the route, with the request id support is told.
  const http = one(
    'gateway HTTP span',
    spans.filter((s) => s.service === 'concord-gateway' && s.kind === SPAN_KIND.server),
  );
  expect(http).toMatchObject({
    name: 'POST /v1/creators',
    parentSpanId: callerSpanId,
    attributes: expect.objectContaining({ 'http.route': '/v1/creators', 'concord.request_id': 'ministry-trace-0001' }),
  });
  // The gateway asks the registry over NATS: a client span under the HTTP span …
  const ask = one(
    'gateway NATS client span',
    spans.filter((s) => s.service === 'concord-gateway' && s.name === 'concord.registry.creator.create request'),
  );
  expect(ask.kind).toBe(SPAN_KIND.client);
  expect(parentOf(ask)).toBe(http);
  // … and the registry's server span is its child, across the process boundary (the envelope carried the context).
  const serve = one(
    'registry server span',
    spans.filter((s) => s.service === 'concord-registry' && s.kind === SPAN_KIND.server),
  );
  expect(serve).toMatchObject({ name: 'concord.registry.creator.create', parentSpanId: ask.spanId });
  expect(serve.attributes).toMatchObject({ 'messaging.system': 'nats', 'concord.request_id': 'ministry-trace-0001' });
  // The registry's queries are spans under its server span.
  const queries = spans.filter(
    (s) => s.service === 'concord-registry' && s.attributes['db.system.name'] === 'postgresql',
  );
  expect(queries.length).toBeGreaterThan(0);
  const underServe = (span: ReceivedSpan | undefined): boolean =>
    span !== undefined && (span === serve || underServe(parentOf(span)));
  expect(queries.filter((q) => !underServe(q))).toEqual([]);
  // The event the registration recorded took the trace with it: agreements applying it is in the same trace.
  const consumed = spans.filter((s) => s.service === 'concord-agreements' && s.kind === SPAN_KIND.consumer);
  expect(consumed.map((s) => s.name)).toContain('concord.events.registry.creator.registered process');

  // Personal data never reaches the traces: not the national id, phone, e-mail or legal name.
  const everything = receiver.bodies.join('\n');
  for (const secret of ['001199012345', '+84912345678', 'nhung@example.vn', registration.personalData!.legalName]) {
    expect({ secret, inTraces: everything.includes(secret) }).toEqual({ secret, inTraces: false });
  }
}, 120_000);

test("a search's terms stay out of the trace: the span names the route and redacts the query", async () => {
  const term = `Zebra${hex(4)}`;
  const traceId = hex(16);
  const response = await fetch(`${gateway}/v1/creators?q=${term}`, {
    headers: { authorization: `Bearer ${await token('registrar@mcst')}`, traceparent: `00-${traceId}-${hex(8)}-01` },
  });
  expect(response.status).toBe(200);
  const spans = await spansOf(traceId, fromGatewayAndRegistry);
  const http = spans.find((s) => s.service === 'concord-gateway' && s.kind === SPAN_KIND.server);
  expect(http).toMatchObject({
    name: 'GET /v1/creators',
    attributes: expect.objectContaining({ 'url.query': '[redacted]' }),
  });
  expect(spans.some((s) => s.service === 'concord-registry' && s.kind === SPAN_KIND.server)).toBe(true);
  expect(receiver.bodies.join('\n')).not.toContain(term);
}, 60_000);

test('probes are not traced, and each process sends its spans under its own service name', async () => {
  const before = receiver.spans.length;
  for (let i = 0; i < 3; i++) {
    expect((await fetch(`${gateway}/health/ready`)).status).toBe(200);
    // The system page asks every service over NATS: neither the page nor the services' health checks are traced.
    expect((await fetch(`${gateway}/health/system`)).status).toBe(200);
  }
  // Something traced after the probes, to know the probes' spans (had there been any) were sent before it.
  const traceId = hex(16);
  await fetch(`${gateway}/v1/creators?limit=1`, {
    headers: { authorization: `Bearer ${await token('registrar@mcst')}`, traceparent: `00-${traceId}-${hex(8)}-01` },
  });
  await spansOf(traceId, fromGatewayAndRegistry);
  const since = receiver.spans.slice(before);
  expect(since.filter((s) => `${s.attributes['url.path'] as string | undefined}`.startsWith('/health'))).toEqual([]);
  expect(receiver.spans.filter((s) => s.name.endsWith('.health.check'))).toEqual([]);
  const services = new Set(receiver.spans.map((s) => s.service));
  // The list read above went from the gateway to the registry: each sent its own spans, under its own name.
  for (const app of ['gateway', 'registry']) expect(services).toContain(`concord-${app}`);
}, 60_000);
