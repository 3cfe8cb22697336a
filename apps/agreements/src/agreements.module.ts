import { Module, type DynamicModule } from '@nestjs/common';
import { databaseTimeouts, repositoryProviders } from '@concord/database';
import { ServiceClient } from '@concord/messaging';
import { serviceModule, UnitOfWork } from '@concord/service-kit';
import { AgreementHandler } from './agreement/agreement.handler';
import { AgreementCalendar } from './agreement/agreement-calendar';
import { AgreementRepository } from './agreement/agreement.repository';
import { AgreementService } from './agreement/agreement.service';
import { CounterpartyDirectory } from './agreement/counterparty-directory';
import type { AgreementsConfig } from './agreements.config';
import { createAgreementsDataSource } from './database/agreements-data-source';

@Module({})
export class AgreementsModule {
  static forConfig(config: AgreementsConfig): DynamicModule {
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
        ...repositoryProviders(AgreementRepository),
        {
          provide: AgreementService,
          useFactory: (agreements: AgreementRepository, registry: ServiceClient, work: UnitOfWork) =>
            new AgreementService(agreements, new CounterpartyDirectory(registry), work),
          inject: [AgreementRepository, ServiceClient, UnitOfWork],
        },
        {
          provide: AgreementCalendar,
          useFactory: (agreements: AgreementService) =>
            new AgreementCalendar(agreements, config.AGREEMENTS_CALENDAR_MS),
          inject: [AgreementService],
        },
      ],
      background: [AgreementCalendar],
    });
  }
}
