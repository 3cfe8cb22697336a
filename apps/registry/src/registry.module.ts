import {
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { connectServiceDatabase, databaseTimeouts, repositoryProviders } from '@concord/database';
import {
  connectNats,
  natsOptions,
  ensureEventStream,
  EventConsumer,
  OutboxRelay,
  type NatsConnection,
  messagingRetention,
  pruneJob,
  PeriodicJob,
  healthHandlerFor,
} from '@concord/messaging';
import { AGREEMENT_EVENTS_FILTER, agreementEventProjection } from './creator/creator-agreements.projection';
import { CreatorAgreementsRepository } from './creator/creator-agreements.repository';
import { AuditEvidence, auditProviders, auditHandlerFor } from '@concord/audit';
import { CreatorHandler } from './creator/creator.handler';
import { CreatorService } from './creator/creator.service';
import { PersonalDataCipher } from './creator/personal-data.cipher';
import { CreatorRepository } from './creator/creator.repository';
import { SimilarNames } from './creator/similar-names';
import { createRegistryDataSource } from './database/registry-data-source';
import type { RegistryConfig } from './registry.config';

export const REGISTRY_CONFIG = Symbol('REGISTRY_CONFIG');
export const EVENTS_CONNECTION = Symbol('EVENTS_CONNECTION');

/** Starts the outbox relay once everything is wired; stops it, NATS and the pool on shutdown. */
const PRUNING = Symbol('PRUNING');
const NAMES_REFRESH = Symbol('NAMES_REFRESH');

class RegistryLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(AuditEvidence) private readonly evidence: AuditEvidence,
    @Inject(PRUNING) private readonly pruning: PeriodicJob,
    @Inject(NAMES_REFRESH) private readonly namesRefresh: PeriodicJob,
    @Inject(EventConsumer) private readonly agreementEvents: EventConsumer,
    @Inject(EVENTS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.relay.start();
    this.evidence.start();
    this.pruning.start();
    this.namesRefresh.start();
    await this.agreementEvents.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.agreementEvents.stop();
    await this.pruning.stop();
    await this.namesRefresh.stop();
    await this.evidence.stop();
    await this.relay.stop();
    await this.nc.drain().catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

@Module({})
export class RegistryModule {
  static forConfig(config: RegistryConfig): DynamicModule {
    const logger = new Logger('OutboxRelay');
    return {
      module: RegistryModule,
      controllers: [CreatorHandler, auditHandlerFor('registry'), healthHandlerFor('registry')],
      providers: [
        { provide: REGISTRY_CONFIG, useValue: config },
        {
          provide: DataSource,
          useFactory: () =>
            connectServiceDatabase(
              createRegistryDataSource(config.DATABASE_URL, config.REGISTRY_DB_POOL, databaseTimeouts(config)),
            ),
        },
        {
          provide: EVENTS_CONNECTION,
          useFactory: async () => {
            const nc = await connectNats({
              ...natsOptions('registry', config, `concord-${config.CONCORD_ENV}-registry-events`),
            });
            await ensureEventStream(nc, config.CONCORD_ENV);
            return nc;
          },
        },
        {
          provide: OutboxRelay,
          useFactory: (ds: DataSource, nc: NatsConnection) =>
            new OutboxRelay(ds, nc, { env: config.CONCORD_ENV, log: (m) => logger.warn(m) }),
          inject: [DataSource, EVENTS_CONNECTION],
        },
        ...repositoryProviders(CreatorRepository, CreatorAgreementsRepository),
        {
          provide: SimilarNames,
          useFactory: (creators: CreatorRepository) => new SimilarNames(creators),
          inject: [CreatorRepository],
        },
        {
          provide: NAMES_REFRESH,
          useFactory: (names: SimilarNames) =>
            new PeriodicJob(
              'names refresh',
              () => names.refresh(),
              config.REGISTRY_NAMES_REFRESH_MS,
              (m) => new Logger('SimilarNames').warn(m),
            ),
          inject: [SimilarNames],
        },
        {
          provide: CreatorService,
          useFactory: (
            ds: DataSource,
            creators: CreatorRepository,
            agreements: CreatorAgreementsRepository,
            relay: OutboxRelay,
            names: SimilarNames,
          ) =>
            new CreatorService(
              ds,
              creators,
              agreements,
              new PersonalDataCipher(config.CONCORD_PII_KEY),
              () => relay.wake(),
              names,
              writeTransactions(config.REGISTRY_DB_POOL),
            ),
          inject: [DataSource, CreatorRepository, CreatorAgreementsRepository, OutboxRelay, SimilarNames],
        },
        {
          provide: EventConsumer,
          useFactory: (ds: DataSource, nc: NatsConnection, agreements: CreatorAgreementsRepository) =>
            new EventConsumer({
              nc,
              dataSource: ds,
              env: config.CONCORD_ENV,
              service: 'registry',
              purpose: 'creator_agreements',
              filter: AGREEMENT_EVENTS_FILTER,
              handle: agreementEventProjection(agreements),
              log: (m) => logger.warn(m),
            }),
          inject: [DataSource, EVENTS_CONNECTION, CreatorAgreementsRepository],
        },
        ...auditProviders('registry', {
          signingKey: config.CONCORD_AUDIT_KEY_REGISTRY,
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
        RegistryLifecycle,
      ],
    };
  }
}

/** Write transactions at once: all but two of the pool's connections, which stay free for reads. */
export function writeTransactions(poolSize: number): number {
  return Math.max(1, poolSize - 2);
}
