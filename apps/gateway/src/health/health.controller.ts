import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { SUBJECTS } from '@concord/domain';
import { DATABASE_PROBE_MS, databaseAnswers } from '@concord/database';
import { Public } from '../auth/auth.decorators';
import { ApiAnswers } from '../openapi/schemas';
import { RETRY_AFTER_UNAVAILABLE_S } from '../http/problem.filter';
import { ServiceClients } from '../services/service-clients';

const PROBE = { userId: 'gateway', orgId: 'gateway', roles: [] };
/** Each probe has its own short timeout: a stalled dependency is reported down, not waited for. */
const PROBE_MS = DATABASE_PROBE_MS;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ServiceClients) private readonly services: ServiceClients,
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
        () =>
          this.probe('postgres', async () => {
            if (!(await databaseAnswers(this.db, PROBE_MS)))
              throw new Error(`PostgreSQL did not answer within ${PROBE_MS} ms`);
          }),
        () => this.probe('nats', () => this.services.registry.ping(PROBE_MS)),
        ...this.services.all().map(
          ([service, client]) =>
            () =>
              this.probe(service, () => client.request(SUBJECTS[service].health, {}, PROBE, { timeoutMs: PROBE_MS })),
        ),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(503).header('retry-after', String(RETRY_AFTER_UNAVAILABLE_S));
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
