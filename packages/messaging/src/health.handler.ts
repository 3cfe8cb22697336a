import { Controller, Inject, type Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, SUBJECTS } from '@concord/domain';
import { databaseAnswers } from '@concord/database';
import { Handles } from './handles.decorator';

/**
 * The NATS handler of a service's readiness probe (`<service>.health.check`, asked by the gateway's `/health/system`):
 * it answers when the service is up and its database answers, and is `service.unavailable` naming the database
 * otherwise. Each service lists `healthHandlerFor('<service>')` among its module's controllers.
 */
export function healthHandlerFor(service: keyof typeof SUBJECTS): Type<unknown> {
  @Controller()
  class HealthHandler {
    constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

    @Handles(SUBJECTS[service].health)
    async check() {
      if (!(await databaseAnswers(this.dataSource))) {
        throw new DomainError('service.unavailable', `The ${service} database does not answer`, [], {
          service,
          component: 'database',
        });
      }
      return { status: 'ok' as const, database: 'up' as const };
    }
  }
  return HealthHandler;
}
