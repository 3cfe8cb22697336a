import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { subjectInCode } from './actor-proof';

/**
 * Every metric Concord defines (ADR 0027). The names are a contract: the alert rules
 * (`infra/kubernetes/monitoring/alerts.yaml`) and the runbooks use them, and a test fails when an alert names one
 * that is not here.
 */
export const METRICS = {
  httpRequests: 'concord_http_requests_total',
  httpDuration: 'concord_http_request_duration_seconds',
  natsRequests: 'concord_nats_requests_total',
  natsDuration: 'concord_nats_request_duration_seconds',
  natsClientRequests: 'concord_nats_client_requests_total',
  outboxUnpublished: 'concord_outbox_unpublished',
  outboxOldest: 'concord_outbox_oldest_unpublished_seconds',
  outboxPublished: 'concord_outbox_published_total',
  consumerPending: 'concord_consumer_pending',
  fanOutOffered: 'concord_fan_out_offered_total',
  fanOutRemaining: 'concord_fan_out_remaining',
  dbPool: 'concord_db_pool_connections',
  auditCheckpointAge: 'concord_audit_checkpoint_age_seconds',
  auditUnanchored: 'concord_audit_unanchored_seconds',
} as const;

/** The names a histogram adds to its own (what an alert may name of `concord_…_seconds`). */
export const HISTOGRAM_SUFFIXES = ['_bucket', '_sum', '_count'] as const;

/** How long a scrape waits for one database query or consumer info before it reports the gauge as unknown (NaN). */
export const SCRAPE_TIMEOUT_MS = 2000;

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Resolves with `work`'s value, or rejects after `ms` (a scrape never waits on a stalled database or NATS). */
export async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A pg Pool's counts, as TypeORM's postgres driver holds it (`dataSource.driver.master`). */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** The pool counts of a TypeORM postgres data source, or null when it has none (not initialised). */
export function poolCounts(dataSource: DataSource): PoolCounts | null {
  const pool = (dataSource.driver as unknown as { master?: Partial<PoolCounts> }).master;
  if (!pool || typeof pool.totalCount !== 'number') return null;
  return { totalCount: pool.totalCount, idleCount: pool.idleCount ?? 0, waitingCount: pool.waitingCount ?? 0 };
}

/** Something whose JetStream backlog a scrape asks for: an `EventConsumer`. */
export interface PendingSource {
  readonly name: string;
  pending(timeoutMs: number): Promise<number>;
}

/**
 * One process's metrics: its own prom-client registry (never the global one, so the gateway and the four services
 * started in one test process keep theirs apart), `service` on every series, Node's process metrics, and the
 * instruments of ADR 0027. An instrument exists once something of the process uses it, so a process shows only what
 * it has (the gateway no outbox gauge). Gauges that read the database or NATS are collected on scrape, each with
 * one query bounded by SCRAPE_TIMEOUT_MS (NaN when it did not answer).
 */
export class ProcessMetrics {
  readonly registry = new Registry();
  private readonly made = new Map<string, Counter | Gauge | Histogram>();
  private readonly consumers: PendingSource[] = [];

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }

  /** The Prometheus text exposition of every metric. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The gateway's one HTTP request: `route` is the route's pattern (null for none: a 404). */
  observeHttp(method: string, route: string | null, status: number, seconds: number): void {
    const labels = { method, route: route ?? 'none' };
    this.counter(METRICS.httpRequests, 'HTTP requests answered by the gateway', ['method', 'route', 'status']).inc({
      ...labels,
      status: String(status),
    });
    this.histogram(METRICS.httpDuration, 'Time the gateway took to answer an HTTP request', [
      'method',
      'route',
    ]).observe(labels, seconds);
  }

  /** One NATS request a service handled: `subject` as on the wire, outcome `ok` or the problem's code. */
  observeNatsRequest(subject: string, outcome: string, seconds: number): void {
    const inCode = subjectInCode(subject);
    this.counter(METRICS.natsRequests, 'NATS requests handled by the service', ['subject', 'outcome']).inc({
      subject: inCode,
      outcome,
    });
    this.histogram(METRICS.natsDuration, 'Time the service took to answer a NATS request', ['subject']).observe(
      { subject: inCode },
      seconds,
    );
  }

  /** One request this process sent to a service (`subject` as in code): outcome ok, timeout, no_responders or the problem's code. */
  countClientRequest(subject: string, outcome: string): void {
    this.counter(METRICS.natsClientRequests, 'NATS requests this process sent to a service', [
      'subject',
      'outcome',
    ]).inc({ subject, outcome });
  }

  countOutboxPublished(n: number): void {
    this.counter(METRICS.outboxPublished, 'Outbox rows published to JetStream by this process', []).inc(n);
  }

  countFanOutOffered(n: number): void {
    this.counter(METRICS.fanOutOffered, 'Assignments offered by fan-outs run in this process', []).inc(n);
  }

  /** The outbox backlog of the service's schema, read on scrape (one query each). */
  watchOutbox(dataSource: DataSource): void {
    this.scraped(METRICS.outboxUnpublished, 'Outbox rows not yet published (all instances of the service)', () =>
      dataSource
        .query<{ n: string }[]>('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL')
        .then((rows) => Number(rows[0]?.n ?? 0)),
    );
    this.scraped(METRICS.outboxOldest, 'Age of the oldest unpublished outbox row (0 when none): the relay lag', () =>
      dataSource
        .query<{ age: string | null }[]>(
          'SELECT extract(epoch FROM now() - min(created_at)) AS age FROM outbox WHERE published_at IS NULL',
        )
        .then((rows) => Math.max(0, Number(rows[0]?.age ?? 0))),
    );
  }

  /** The JetStream backlog of an event consumer (pending + awaiting its ack), asked on scrape. */
  watchConsumer(consumer: PendingSource): void {
    this.consumers.push(consumer);
    if (this.made.has(METRICS.consumerPending)) return;
    const consumers = this.consumers;
    const gauge = new Gauge({
      name: METRICS.consumerPending,
      help: 'Events of the stream a durable consumer has not applied yet (num_pending + num_ack_pending)',
      labelNames: ['durable'],
      registers: [this.registry],
      async collect() {
        await Promise.all(
          consumers.map(async (c) => {
            const n = await c.pending(SCRAPE_TIMEOUT_MS).catch(() => NaN);
            this.set({ durable: c.name }, n);
          }),
        );
      },
    });
    this.made.set(METRICS.consumerPending, gauge);
  }

  /** The connections of the process's PostgreSQL pool, read on scrape. */
  watchPool(dataSource: DataSource): void {
    if (this.made.has(METRICS.dbPool)) return;
    const gauge = new Gauge({
      name: METRICS.dbPool,
      help: 'Connections of the PostgreSQL pool: total, idle, and callers waiting for one',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const counts = poolCounts(dataSource);
        this.set({ state: 'total' }, counts?.totalCount ?? 0);
        this.set({ state: 'idle' }, counts?.idleCount ?? 0);
        this.set({ state: 'waiting' }, counts?.waitingCount ?? 0);
      },
    });
    this.made.set(METRICS.dbPool, gauge);
  }

  /** How many creators pending fan-outs have left to decide, read on scrape. */
  watchFanOuts(remaining: () => Promise<number>): void {
    this.scraped(METRICS.fanOutRemaining, 'Creators that running fan-outs have yet to decide', remaining);
  }

  /** A service: how long its oldest audit entry not covered by a signed checkpoint has waited, read on scrape. */
  watchUnanchoredAudit(read: () => Promise<number>): void {
    this.scraped(
      METRICS.auditUnanchored,
      'Seconds the oldest audit entry no signed checkpoint covers has waited (0 when all are covered)',
      read,
    );
  }

  /** The gateway: seconds since each service's latest kept checkpoint, read on scrape. */
  watchCheckpoints(ages: () => Promise<{ service: string; ageSeconds: number }[]>): void {
    if (this.made.has(METRICS.auditCheckpointAge)) return;
    const gauge = new Gauge({
      name: METRICS.auditCheckpointAge,
      help: "Seconds since the latest audit checkpoint the gateway kept of each service's chain",
      labelNames: ['of_service'],
      registers: [this.registry],
      async collect() {
        const rows = await within(SCRAPE_TIMEOUT_MS, ages()).catch(() => null);
        this.reset();
        for (const row of rows ?? []) this.set({ of_service: row.service }, row.ageSeconds);
      },
    });
    this.made.set(METRICS.auditCheckpointAge, gauge);
  }

  /** A gauge without labels whose value `read` gives on each scrape (NaN when it fails or takes too long). */
  private scraped(name: string, help: string, read: () => Promise<number>): void {
    if (this.made.has(name)) return;
    const gauge = new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        this.set(await within(SCRAPE_TIMEOUT_MS, read()).catch(() => NaN));
      },
    });
    this.made.set(name, gauge);
  }

  private counter(name: string, help: string, labelNames: string[]): Counter {
    let made = this.made.get(name) as Counter | undefined;
    if (!made) {
      made = new Counter({ name, help, labelNames, registers: [this.registry] });
      this.made.set(name, made);
    }
    return made;
  }

  private histogram(name: string, help: string, labelNames: string[]): Histogram {
    let made = this.made.get(name) as Histogram | undefined;
    if (!made) {
      made = new Histogram({ name, help, labelNames, buckets: DURATION_BUCKETS, registers: [this.registry] });
      this.made.set(name, made);
    }
    return made;
  }
}

/**
 * The value of one series in a Prometheus text exposition: the sample named `name` whose labels include `labels`
 * (undefined when there is none). For tests and tools that read `/metrics`.
 */
export function readSample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = new Map<string, string>();
    for (const [, key, value] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      have.set(
        key,
        value.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c)),
      );
    }
    if (Object.entries(labels).every(([key, value]) => have.get(key) === value)) return Number(match[3]);
  }
  return undefined;
}
