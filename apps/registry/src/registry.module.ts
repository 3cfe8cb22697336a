import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { databaseTimeouts, repositoryProviders } from '@concord/database';
import { EventConsumer, PeriodicJob, type NatsConnection } from '@concord/messaging';
import { constructed, EVENTS_CONNECTION, serviceModule, UnitOfWork } from '@concord/service-kit';
import { AGREEMENT_EVENTS_FILTER, agreementEventProjection } from './creator/creator-agreements.projection';
import { CreatorAgreementsRepository } from './creator/creator-agreements.repository';
import { CreatorHandler } from './creator/creator.handler';
import { CreatorService } from './creator/creator.service';
import { PersonalDataCipher } from './creator/personal-data.cipher';
import { CreatorRepository } from './creator/creator.repository';
import { SimilarNames } from './creator/similar-names';
import { createRegistryDataSource } from './database/registry-data-source';
import type { RegistryConfig } from './registry.config';

const NAMES_REFRESH = Symbol('NAMES_REFRESH');

@Module({})
export class RegistryModule {
  static forConfig(config: RegistryConfig): DynamicModule {
    const logger = new Logger('registry');
    return serviceModule({
      module: RegistryModule,
      name: 'registry',
      config,
      dataSource: () =>
        createRegistryDataSource(config.DATABASE_URL, config.REGISTRY_DB_POOL, databaseTimeouts(config)),
      auditKey: config.CONCORD_AUDIT_KEY_REGISTRY,
      retiredAuditKeys: config.CONCORD_AUDIT_RETIRED_KEYS_REGISTRY,
      controllers: [CreatorHandler],
      providers: [
        ...repositoryProviders(CreatorRepository, CreatorAgreementsRepository),
        constructed(SimilarNames, CreatorRepository),
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
            work: UnitOfWork,
            names: SimilarNames,
          ) =>
            new CreatorService(
              ds,
              creators,
              agreements,
              new PersonalDataCipher(config.CONCORD_PII_KEY),
              work,
              names,
              writeTransactions(config.REGISTRY_DB_POOL),
            ),
          inject: [DataSource, CreatorRepository, CreatorAgreementsRepository, UnitOfWork, SimilarNames],
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
      ],
      background: [NAMES_REFRESH, EventConsumer],
    });
  }
}

/** Write transactions at once: all but two of the pool's connections, which stay free for reads. */
export function writeTransactions(poolSize: number): number {
  return Math.max(1, poolSize - 2);
}
