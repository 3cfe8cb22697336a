import { Inject, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditReader } from '@concord/audit';
import { openServiceDatabase } from '@concord/database';
import { connectNats, ensureEventStream, OutboxRelay, type NatsConnection } from '@concord/messaging';
import { AuditHandler } from './audit/audit.handler';
import { CampaignHandler } from './campaign/campaign.handler';
import { AgencyTaskService } from './campaign/agency-task.service';
import { CampaignService } from './campaign/campaign.service';
import { createTaskingDataSource } from './database/tasking-data-source';
import { HealthHandler } from './health/health.handler';
import type { TaskingConfig } from './tasking.config';

export const EVENTS_CONNECTION = Symbol('EVENTS_CONNECTION');

/** Starts the outbox relay once everything is wired; stops it, NATS and the pool on shutdown. */
class TaskingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(EVENTS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.nc.drain().catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

@Module({})
export class TaskingModule {
  static forConfig(config: TaskingConfig): DynamicModule {
    const logger = new Logger('OutboxRelay');
    return {
      module: TaskingModule,
      controllers: [CampaignHandler, AuditHandler, HealthHandler],
      providers: [
        { provide: DataSource, useFactory: () => openServiceDatabase(createTaskingDataSource(config.DATABASE_URL, config.TASKING_DB_POOL)) },
        {
          provide: EVENTS_CONNECTION,
          useFactory: async () => {
            const nc = await connectNats({ servers: config.NATS_URL, name: `concord-${config.CONCORD_ENV}-tasking-events` });
            await ensureEventStream(nc, config.CONCORD_ENV);
            return nc;
          },
        },
        {
          provide: OutboxRelay,
          useFactory: (ds: DataSource, nc: NatsConnection) => new OutboxRelay(ds, nc, { env: config.CONCORD_ENV, log: (m) => logger.warn(m) }),
          inject: [DataSource, EVENTS_CONNECTION],
        },
        {
          provide: CampaignService,
          useFactory: (ds: DataSource, relay: OutboxRelay) => new CampaignService(ds, () => relay.wake()),
          inject: [DataSource, OutboxRelay],
        },
        {
          provide: AgencyTaskService,
          useFactory: (ds: DataSource, relay: OutboxRelay) => new AgencyTaskService(ds, () => relay.wake()),
          inject: [DataSource, OutboxRelay],
        },
        { provide: AuditReader, useFactory: (ds: DataSource) => new AuditReader(ds), inject: [DataSource] },
        TaskingLifecycle,
      ],
    };
  }
}
