import {
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { connectServiceDatabase, databaseTimeouts, repositoryProviders } from '@concord/database';
import {
  ActorProofSigner,
  pruneJob,
  type PeriodicJob,
  natsOptions,
  connectNats,
  ensureEventStream,
  EventConsumer,
  MetricsServer,
  ProcessMetrics,
  type NatsConnection,
  type ServiceClient,
} from '@concord/messaging';
import { AuditCheckpointRepository, CHECKPOINT_EVENTS_FILTER } from './audit/audit-checkpoint.repository';
import { AuditKeys } from './audit/audit-keys';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { AccessGuard } from './auth/access.guard';
import { AuthGuard } from './auth/auth.guard';
import { TokenVerifier } from './auth/token-verifier';
import { CreatorsController } from './creators/creators.controller';
import { createGatewayDataSource } from './database/gateway-data-source';
import type { GatewayConfig } from './gateway.config';
import { HealthController } from './health/health.controller';
import { KnownQueryGuard } from './http/known-query.guard';
import { ProblemFilter } from './http/problem.filter';
import { IdempotencyKeyRepository } from './idempotency/idempotency-key.repository';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { LocationInterceptor } from './http/location';
import { idempotencyKeyRetention } from './idempotency/idempotency-retention';
import {
  AgreementsClient,
  ApprovalsClient,
  RegistryClient,
  ServiceClients,
  serviceClientsProvider,
  TaskingClient,
} from './services/service-clients';
import { ApprovalsController } from './approvals/approvals.controller';
import { CampaignRequestsController, CampaignsController } from './campaigns/campaigns.controller';
import { TasksController } from './campaigns/tasks.controller';
import { AssignmentsController } from './campaigns/assignments.controller';
import { AgreementsController } from './agreements/agreements.controller';
import { PublicController } from './public/public.controller';

const PRUNING = Symbol('PRUNING');
const EVENTS_CONNECTION = Symbol('EVENTS_CONNECTION');

class GatewayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(PRUNING) private readonly pruning: PeriodicJob,
    @Inject(ServiceClients) private readonly services: ServiceClients,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(EventConsumer) private readonly checkpoints: EventConsumer,
    @Inject(EVENTS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MetricsServer) private readonly metrics: MetricsServer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.metrics.start();
    this.pruning.start();
    await this.checkpoints.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.metrics.stop().catch(() => undefined);
    await this.checkpoints.stop();
    await this.nc.drain().catch(() => undefined);
    await this.pruning.stop();
    for (const [, client] of this.services.all()) await client.close().catch(() => undefined);
    if (this.db.isInitialized) await this.db.destroy();
  }
}

@Module({})
export class GatewayModule {
  /** `preview`: only the routes, for writing the OpenAPI document without PostgreSQL or NATS. */
  static forConfig(config: GatewayConfig): DynamicModule {
    // The gateway vouches for the signed-in user of every request it sends (ADR 0014).
    const signer = new ActorProofSigner('gateway', config.CONCORD_ACTOR_KEY);
    /** A client of one service over NATS: its own connection, the gateway's actor signature on every request. */
    const serviceClient = (Client: typeof ServiceClient): Provider => ({
      provide: Client,
      useFactory: async (metrics: ProcessMetrics) => {
        const client = new Client(
          natsOptions('gateway', config),
          config.CONCORD_ENV,
          config.RPC_TIMEOUT_MS,
          signer,
          metrics,
        );
        await client.connect();
        return client;
      },
      inject: [ProcessMetrics],
    });
    return {
      module: GatewayModule,
      imports: [TerminusModule.forRoot({ errorLogStyle: 'json', logger: false })],
      controllers: [
        AuthController,
        CreatorsController,
        AgreementsController,
        CampaignsController,
        CampaignRequestsController,
        TasksController,
        AssignmentsController,
        ApprovalsController,
        AuditController,
        PublicController,
        HealthController,
      ],
      providers: [
        // The gateway's own metrics (ADR 0027), served on METRICS_PORT, never on its public port.
        { provide: ProcessMetrics, useValue: new ProcessMetrics('gateway') },
        {
          provide: MetricsServer,
          useFactory: (metrics: ProcessMetrics) => new MetricsServer(metrics, config.METRICS_PORT),
          inject: [ProcessMetrics],
        },
        { provide: TokenVerifier, useValue: new TokenVerifier(config) },
        {
          provide: DataSource,
          useFactory: async (metrics: ProcessMetrics) => {
            const db = await connectServiceDatabase(
              createGatewayDataSource(config.DATABASE_URL, config.GATEWAY_DB_POOL, databaseTimeouts(config)),
            );
            metrics.watchPool(db);
            return db;
          },
          inject: [ProcessMetrics],
        },
        ...[RegistryClient, AgreementsClient, TaskingClient, ApprovalsClient].map(serviceClient),
        serviceClientsProvider,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: KnownQueryGuard },
        // Last: what each route declares about who may call it (auth/access.decorators.ts).
        { provide: APP_GUARD, useClass: AccessGuard },
        ...repositoryProviders(IdempotencyKeyRepository),
        // Outside the idempotency interceptor, so a replayed 201 carries its Location too.
        { provide: APP_INTERCEPTOR, useClass: LocationInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useClass: ProblemFilter },
        {
          provide: PRUNING,
          useFactory: (db: DataSource) =>
            pruneJob(db, idempotencyKeyRetention(config.IDEMPOTENCY_RETENTION_HOURS * 3_600_000), (m) =>
              new Logger('Pruning').warn(m),
            ),
          inject: [DataSource],
        },
        { provide: AuditKeys, useValue: new AuditKeys(config) },
        {
          provide: EVENTS_CONNECTION,
          useFactory: async () => {
            const nc = await connectNats(
              natsOptions('gateway', config, `concord-${config.CONCORD_ENV}-gateway-events`),
            );
            await ensureEventStream(nc, config.CONCORD_ENV, config.NATS_STREAM_REPLICAS);
            return nc;
          },
        },
        {
          provide: AuditCheckpointRepository,
          useFactory: (db: DataSource, keys: AuditKeys, metrics: ProcessMetrics) => {
            const store = new AuditCheckpointRepository(db, keys, (m) => new Logger('AuditCheckpoints').warn(m));
            metrics.watchCheckpoints(() => store.ages());
            return store;
          },
          inject: [DataSource, AuditKeys, ProcessMetrics],
        },
        {
          provide: EventConsumer,
          useFactory: (
            db: DataSource,
            nc: NatsConnection,
            store: AuditCheckpointRepository,
            metrics: ProcessMetrics,
          ) => {
            const consumer = new EventConsumer({
              nc,
              dataSource: db,
              env: config.CONCORD_ENV,
              service: 'gateway',
              purpose: 'audit_checkpoints',
              filter: CHECKPOINT_EVENTS_FILTER,
              handle: store.keep,
              log: (m) => new Logger('AuditCheckpoints').warn(m),
            });
            metrics.watchConsumer(consumer);
            return consumer;
          },
          inject: [DataSource, EVENTS_CONNECTION, AuditCheckpointRepository, ProcessMetrics],
        },
        GatewayLifecycle,
      ],
    };
  }
}
