import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { databaseTimeouts, repositoryProviders } from '@concord/database';
import { EventConsumer, ServiceClient, type NatsConnection } from '@concord/messaging';
import { EVENTS_CONNECTION, serviceModule, UnitOfWork } from '@concord/service-kit';
import { DataSource } from 'typeorm';
import { AgreementHandler } from './agreement/agreement.handler';
import { AgreementCalendar } from './agreement/agreement-calendar';
import { AgreementRepository } from './agreement/agreement.repository';
import { AgreementService } from './agreement/agreement.service';
import { CounterpartyDirectory } from './agreement/counterparty-directory';
import { CounterpartyRepository } from './agreement/counterparty.repository';
import { CREATOR_EVENTS_FILTER, creatorEventProjection } from './agreement/counterparty.projection';
import type { AgreementsConfig } from './agreements.config';
import { createAgreementsDataSource } from './database/agreements-data-source';

@Module({})
export class AgreementsModule {
  static forConfig(config: AgreementsConfig): DynamicModule {
    const logger = new Logger('agreements');
    return serviceModule({
      module: AgreementsModule,
      name: 'agreements',
      config,
      dataSource: () =>
        createAgreementsDataSource(config.DATABASE_URL, config.AGREEMENTS_DB_POOL, databaseTimeouts(config)),
      auditKey: config.CONCORD_AUDIT_KEY_AGREEMENTS,
      retiredAuditKeys: config.CONCORD_AUDIT_RETIRED_KEYS_AGREEMENTS,
      callsOthers: true,
      controllers: [AgreementHandler],
      providers: [
        ...repositoryProviders(AgreementRepository, CounterpartyRepository),
        {
          provide: AgreementService,
          useFactory: (
            agreements: AgreementRepository,
            registry: ServiceClient,
            counterparties: CounterpartyRepository,
            work: UnitOfWork,
          ) => new AgreementService(agreements, new CounterpartyDirectory(registry, counterparties), work),
          inject: [AgreementRepository, ServiceClient, CounterpartyRepository, UnitOfWork],
        },
        {
          provide: EventConsumer,
          useFactory: (ds: DataSource, nc: NatsConnection, counterparties: CounterpartyRepository) =>
            new EventConsumer({
              nc,
              dataSource: ds,
              env: config.CONCORD_ENV,
              service: 'agreements',
              purpose: 'counterparties',
              filter: CREATOR_EVENTS_FILTER,
              handle: creatorEventProjection(counterparties),
              log: (m) => logger.warn(m),
            }),
          inject: [DataSource, EVENTS_CONNECTION, CounterpartyRepository],
        },
        {
          provide: AgreementCalendar,
          useFactory: (agreements: AgreementService) =>
            new AgreementCalendar(agreements, config.AGREEMENTS_CALENDAR_MS),
          inject: [AgreementService],
        },
      ],
      background: [AgreementCalendar, EventConsumer],
    });
  }
}
