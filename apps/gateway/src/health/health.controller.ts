import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { SUBJECTS } from '@concord/domain';
import { Public } from '../auth/auth.decorators';
import { ApiAnswers } from '../openapi/schemas';
import { AgreementsClient, ApprovalsClient, RegistryClient, TaskingClient } from '../services/service-clients';

const PROBE = { userId: 'gateway', orgId: 'gateway', roles: [] };

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(RegistryClient) private readonly registry: RegistryClient,
    @Inject(AgreementsClient) private readonly agreements: AgreementsClient,
    @Inject(TaskingClient) private readonly tasking: TaskingClient,
    @Inject(ApprovalsClient) private readonly approvals: ApprovalsClient,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'health', summary: 'The gateway is up' })
  @ApiAnswers(200, 'Health')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ operationId: 'ready', summary: 'PostgreSQL, NATS and every service answer (503 names what is down)' })
  @ApiAnswers(200, 'Health', [503])
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      return await this.health.check([
        () => this.probe('postgres', () => this.db.query('SELECT 1')),
        () => this.probe('nats', () => this.registry.ping()),
        () => this.probe('registry', () => this.registry.request(SUBJECTS.registry.health, {}, PROBE, { timeoutMs: 2000 })),
        () => this.probe('agreements', () => this.agreements.request(SUBJECTS.agreements.health, {}, PROBE, { timeoutMs: 2000 })),
        () => this.probe('tasking', () => this.tasking.request(SUBJECTS.tasking.health, {}, PROBE, { timeoutMs: 2000 })),
        () => this.probe('approvals', () => this.approvals.request(SUBJECTS.approvals.health, {}, PROBE, { timeoutMs: 2000 })),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(503);
      return error.getResponse();
    }
  }

  private async probe(key: string, check: () => Promise<unknown>) {
    const indicator = this.indicators.check(key);
    try {
      await check();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
