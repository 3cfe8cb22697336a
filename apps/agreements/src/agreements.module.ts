import {
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEvidence, auditProviders, auditHandlerFor } from '@concord/audit';
import { connectServiceDatabase, databaseTimeouts, repositoryProviders } from '@concord/database';
import {
  ActorProofSigner,
  connectNats,
  ensureEventStream,
  OutboxRelay,
  ServiceClient,
  type NatsConnection,
  messagingRetention,
  pruneJob,
  PeriodicJob,
  natsOptions,
  healthHandlerFor,
} from '@concord/messaging';
import { AgreementHandler } from './agreement/agreement.handler';
import { AgreementCalendar } from './agreement/agreement-calendar';
import { AgreementRepository } from './agreement/agreement.repository';
import { AgreementService } from './agreement/agreement.service';
import { CounterpartyDirectory } from './agreement/counterparty-directory';
import type { AgreementsConfig } from './agreements.config';
import { createAgreementsDataSource } from './database/agreements-data-source';

export const EVENTS_CONNECTION = Symbol('EVENTS_CONNECTION');

/** Starts the outbox relay once everything is wired; stops it, NATS clients and the pool on shutdown. */
const PRUNING = Symbol('PRUNING');

class AgreementsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(AuditEvidence) private readonly evidence: AuditEvidence,
    @Inject(PRUNING) private readonly pruning: PeriodicJob,
    @Inject(AgreementCalendar) private readonly calendar: AgreementCalendar,
    @Inject(EVENTS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(ServiceClient) private readonly registry: ServiceClient,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
    this.evidence.start();
    this.pruning.start();
    this.calendar.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.calendar.stop();
    await this.pruning.stop();
    await this.evidence.stop();
    await this.relay.stop();
    await this.registry.close();
    await this.nc.drain().catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

@Module({})
export class AgreementsModule {
  static forConfig(config: AgreementsConfig): DynamicModule {
    const logger = new Logger('OutboxRelay');
    return {
      module: AgreementsModule,
      controllers: [AgreementHandler, auditHandlerFor('agreements'), healthHandlerFor('agreements')],
      providers: [
        {
          provide: DataSource,
          useFactory: () =>
            connectServiceDatabase(
              createAgreementsDataSource(config.DATABASE_URL, config.AGREEMENTS_DB_POOL, databaseTimeouts(config)),
            ),
        },
        {
          provide: EVENTS_CONNECTION,
          useFactory: async () => {
            const nc = await connectNats({
              ...natsOptions('agreements', config, `concord-${config.CONCORD_ENV}-agreements-events`),
            });
            await ensureEventStream(nc, config.CONCORD_ENV);
            return nc;
          },
        },
        {
          provide: ServiceClient,
          useFactory: async () => {
            const client = new ServiceClient(
              natsOptions('agreements', config),
              config.CONCORD_ENV,
              config.RPC_TIMEOUT_MS,
              new ActorProofSigner('agreements', config.CONCORD_ACTOR_KEY),
            );
            await client.connect();
            return client;
          },
        },
        {
          provide: OutboxRelay,
          useFactory: (ds: DataSource, nc: NatsConnection) =>
            new OutboxRelay(ds, nc, { env: config.CONCORD_ENV, log: (m) => logger.warn(m) }),
          inject: [DataSource, EVENTS_CONNECTION],
        },
        ...repositoryProviders(AgreementRepository),
        {
          provide: AgreementService,
          useFactory: (ds: DataSource, agreements: AgreementRepository, registry: ServiceClient, relay: OutboxRelay) =>
            new AgreementService(ds, agreements, new CounterpartyDirectory(registry), () => relay.wake()),
          inject: [DataSource, AgreementRepository, ServiceClient, OutboxRelay],
        },
        {
          provide: AgreementCalendar,
          useFactory: (agreements: AgreementService) =>
            new AgreementCalendar(agreements, config.AGREEMENTS_CALENDAR_MS),
          inject: [AgreementService],
        },
        ...auditProviders('agreements', {
          signingKey: config.CONCORD_AUDIT_KEY_AGREEMENTS,
          sequenceMs: config.AUDIT_SEQUENCE_MS,
          checkpointMs: config.AUDIT_CHECKPOINT_MS,
          log: (m) => new Logger('AuditEvidence').warn(m),
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
              (m) => new Logger('Pruning').warn(m),
            ),
          inject: [DataSource],
        },
        AgreementsLifecycle,
      ],
    };
  }
}
