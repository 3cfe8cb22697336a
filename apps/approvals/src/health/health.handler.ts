import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { DomainError, SUBJECTS } from '@concord/domain';
import { databaseAnswers } from '@concord/database';

/** Answers the gateway's readiness probe: the service is up and its database answers. */
@Controller()
export class HealthHandler {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @MessagePattern(SUBJECTS.approvals.health)
  async check() {
    if (!(await databaseAnswers(this.dataSource))) {
      throw new DomainError('service.unavailable', 'The approvals database does not answer', [], {
        service: 'approvals',
        component: 'database',
      });
    }
    return { status: 'ok' as const, database: 'up' as const };
  }
}
