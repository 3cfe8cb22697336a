import { Logger, type DynamicModule, type InjectionToken, type Provider, type Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEvidence, auditHandlerFor, auditProviders, unanchoredSeconds } from '@concord/audit';
import { connectServiceDatabase } from '@concord/database';
import {
  ActorProofSigner,
  connectNats,
  ensureEventStream,
  EventConsumer,
  healthHandlerFor,
  messagingRetention,
  MetricsServer,
  natsOptions,
  OutboxRelay,
  ProcessMetrics,
  pruneJob,
  ServiceClient,
  type NatsConnection,
  type NatsSettings,
} from '@concord/messaging';
import { ServiceLifecycle, type Background } from './service-lifecycle';
import { UnitOfWork } from './unit-of-work';

/** The four services; each is also a bus identity, an audit trail and a namespace of subjects. */
export type ServiceName = 'registry' | 'agreements' | 'approvals' | 'tasking';

/** The NATS connection a service publishes its events on (JetStream), apart from the one it serves requests on. */
export const EVENTS_CONNECTION = Symbol('EVENTS_CONNECTION');

/**
 * What a service calls after each commit (`COMMITTED`): its outbox relay publishes the new events at once, and its
 * audit sequencer links the new entries within `AUDIT_LINK_WITHIN_MS` (commits in that time share one run, so a
 * burst of writes is linked in batches, as the poll alone did).
 */
export type Committed = () => void;
export const COMMITTED = Symbol('COMMITTED');
export const AUDIT_LINK_WITHIN_MS = 250;
const PRUNING = Symbol('PRUNING');

/** The configuration every service has (`@concord/config`'s shared parts). */
export interface ServiceKitConfig extends NatsSettings {
  CONCORD_ENV: string;
  /** On how many NATS servers the event stream is kept (NATS_STREAM_REPLICAS). */
  NATS_STREAM_REPLICAS: number;
  /** Signs the actor of the requests it sends to other services (ADR 0014); only a service that calls others has one. */
  CONCORD_ACTOR_KEY?: string;
  RPC_TIMEOUT_MS?: number;
  AUDIT_SEQUENCE_MS: number;
  AUDIT_CHECKPOINT_MS: number;
  IDEMPOTENCY_RETENTION_HOURS: number;
  OUTBOX_RETENTION_HOURS: number;
  /** Where `GET /metrics` is served (METRICS_PORT): a port, `0` for any free one, or `off` (unset: off). */
  METRICS_PORT?: number | 'off';
}

export interface ServiceDefinition {
  /** The service's `@Module({})` class. */
  module: Type;
  name: ServiceName;
  config: ServiceKitConfig;
  /** The service's data source (its schema, entities and migrations), not yet initialised. */
  dataSource: () => DataSource;
  /** CONCORD_AUDIT_KEY_<SERVICE>. */
  auditKey: string | undefined;
  /** CONCORD_AUDIT_RETIRED_KEYS_<SERVICE>: the public keys of the audit keys it replaced, oldest first. */
  retiredAuditKeys: readonly string[];
  /** Its request handlers; the kit adds the audit trail's and the health check's. */
  controllers: Type[];
  /** Its repositories and services. The kit provides `DataSource`, `UnitOfWork`, `EVENTS_CONNECTION`, `OutboxRelay`,
   * `COMMITTED`, the audit evidence and reader, and, for a service that calls others, `ServiceClient`. */
  providers: Provider[];
  /**
   * Tokens of what else runs in the background (periodic jobs, event consumers): each resolves to one or an array.
   * Started in this order after the kit's relay, audit evidence and pruning; stopped in the reverse order before them.
   */
  background?: InjectionToken[];
  /** Calls other services: the kit provides a `ServiceClient` that signs as this service. */
  callsOthers?: boolean;
}

/**
 * A service's Nest module: what every service has (its database, its events
 * connection and outbox relay, its audit evidence and trail, the pruning of
 * processed commands and published events, the health check, the order of
 * starting and stopping) and what it names of its own.
 */
export function serviceModule(service: ServiceDefinition): DynamicModule {
  const { name, config } = service;
  const logger = new Logger(name);
  const warn = (message: string) => logger.warn(message);
  const lifecycleInject: InjectionToken[] = [
    MetricsServer,
    ProcessMetrics,
    OutboxRelay,
    AuditEvidence,
    PRUNING,
    EVENTS_CONNECTION,
    DataSource,
    ...(service.callsOthers ? [ServiceClient] : []),
    ...(service.background ?? []),
  ];
  return {
    module: service.module,
    controllers: [...service.controllers, auditHandlerFor(name), healthHandlerFor(name)],
    providers: [
      // One registry per process (ADR 0027), served on METRICS_PORT by a server the lifecycle starts first and stops last.
      { provide: ProcessMetrics, useValue: new ProcessMetrics(name) },
      {
        provide: MetricsServer,
        useFactory: (metrics: ProcessMetrics) => new MetricsServer(metrics, config.METRICS_PORT ?? 'off'),
        inject: [ProcessMetrics],
      },
      {
        provide: DataSource,
        useFactory: async (metrics: ProcessMetrics) => {
          const ds = await connectServiceDatabase(service.dataSource());
          metrics.watchPool(ds);
          return ds;
        },
        inject: [ProcessMetrics],
      },
      {
        provide: EVENTS_CONNECTION,
        useFactory: async () => {
          const nc = await connectNats(natsOptions(name, config, `concord-${config.CONCORD_ENV}-${name}-events`));
          await ensureEventStream(nc, config.CONCORD_ENV, config.NATS_STREAM_REPLICAS);
          return nc;
        },
      },
      ...(service.callsOthers ? [serviceClientProvider(name, config)] : []),
      {
        provide: OutboxRelay,
        useFactory: (ds: DataSource, nc: NatsConnection, metrics: ProcessMetrics) =>
          new OutboxRelay(ds, nc, { env: config.CONCORD_ENV, log: warn, metrics }),
        inject: [DataSource, EVENTS_CONNECTION, ProcessMetrics],
      },
      {
        provide: COMMITTED,
        useFactory:
          (relay: OutboxRelay, evidence: AuditEvidence): Committed =>
          () => {
            relay.wake();
            evidence.wake(AUDIT_LINK_WITHIN_MS);
          },
        inject: [OutboxRelay, AuditEvidence],
      },
      {
        provide: UnitOfWork,
        useFactory: (ds: DataSource, committed: Committed) => new UnitOfWork(ds, committed),
        inject: [DataSource, COMMITTED],
      },
      ...auditProviders(name, {
        signingKey: service.auditKey,
        retiredKeys: service.retiredAuditKeys,
        sequenceMs: config.AUDIT_SEQUENCE_MS,
        checkpointMs: config.AUDIT_CHECKPOINT_MS,
        log: warn,
      }),
      {
        provide: PRUNING,
        useFactory: (ds: DataSource) =>
          pruneJob(
            ds,
            messagingRetention({
              commandRetentionMs: config.IDEMPOTENCY_RETENTION_HOURS * 3_600_000,
              outboxRetentionMs: config.OUTBOX_RETENTION_HOURS * 3_600_000,
            }),
            warn,
          ),
        inject: [DataSource],
      },
      ...service.providers,
      {
        provide: ServiceLifecycle,
        useFactory: (
          metricsServer: MetricsServer,
          metrics: ProcessMetrics,
          relay: OutboxRelay,
          evidence: AuditEvidence,
          pruning: Background,
          nc: NatsConnection,
          ds: DataSource,
          ...rest: unknown[]
        ) => {
          const client = service.callsOthers ? (rest.shift() as ServiceClient) : null;
          const own = rest.flat() as Background[];
          for (const part of own) if (part instanceof EventConsumer) metrics.watchConsumer(part);
          metrics.watchUnanchoredAudit(() => unanchoredSeconds(ds));
          return new ServiceLifecycle({
            background: [metricsServer, relay, evidence, pruning, ...own],
            closers: [
              ...(client ? [() => client.close()] : []),
              // A connection NATS already closed (it went away) has nothing left to drain.
              () => nc.drain().catch(() => undefined),
              async () => {
                if (ds.isInitialized) await ds.destroy();
              },
            ],
            log: warn,
          });
        },
        inject: lifecycleInject,
      },
    ],
  };
}

function serviceClientProvider(name: ServiceName, config: ServiceKitConfig): Provider {
  return {
    provide: ServiceClient,
    inject: [ProcessMetrics],
    useFactory: async (metrics: ProcessMetrics) => {
      if (!config.CONCORD_ACTOR_KEY) throw new Error(`the ${name} service calls others and needs CONCORD_ACTOR_KEY`);
      const client = new ServiceClient(
        natsOptions(name, config),
        config.CONCORD_ENV,
        config.RPC_TIMEOUT_MS,
        new ActorProofSigner(name, config.CONCORD_ACTOR_KEY),
        metrics,
      );
      await client.connect();
      return client;
    },
  };
}
