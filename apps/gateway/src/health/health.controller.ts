import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, type HealthIndicatorFunction } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { SUBJECTS } from '@concord/domain';
import { DATABASE_PROBE_MS, databaseAnswers } from '@concord/database';
import { Public } from '../auth/auth.decorators';
import { ApiAnswers, schemaRef } from '../openapi/schemas';
import { RETRY_AFTER_UNAVAILABLE_S } from '../http/problem.filter';
import { ServiceClients } from '../services/service-clients';

const PROBE = { userId: 'gateway', orgId: 'gateway', roles: [] };
/** Each probe has its own short timeout: a stalled dependency is reported down, not waited for. */
const PROBE_MS = DATABASE_PROBE_MS;
/**
 * A service answers its health check after probing its own database (up to DATABASE_PROBE_MS): the system page waits
 * a second longer, so a slow but working service is reported with what it found, not as silent.
 */
const SERVICE_PROBE_MS = DATABASE_PROBE_MS + 1000;

/** What a failed check answers: 503, the terminus body naming what is down, and when to ask again. */
const ApiDown = ApiResponse({
  status: 503,
  description: 'Something is down: `error` names it (the same body as 200, `status: "error"`)',
  content: { 'application/json': { schema: schemaRef('Health') } },
  headers: { 'Retry-After': { description: 'Seconds to wait before asking again', schema: { type: 'integer' } } },
});

/**
 * Three questions, for three askers (README "Health"):
 * - `/health/live` (and `/health`): the process answers. Nothing else is
 *   checked: restarting the gateway mends none of its dependencies.
 * - `/health/ready`: this instance can serve — its own PostgreSQL and NATS
 *   connections answer. Nothing about the services: they are shared by every
 *   gateway, so one being down must not take every gateway out of a load
 *   balancer (a request for it answers 503 `service.unavailable` meanwhile).
 * - `/health/system`: the whole system answers — PostgreSQL, NATS and each of
 *   the four services — for people, monitoring and `npm start`.
 */
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
  @ApiOperation({ operationId: 'health', summary: 'The gateway process answers (the same as /health/live)' })
  @ApiAnswers(200, 'Health')
  up() {
    return this.live();
  }

  @Get('live')
  @ApiOperation({
    operationId: 'live',
    summary: 'Liveness: the gateway process answers (no dependency is checked)',
  })
  @ApiAnswers(200, 'Health')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    operationId: 'ready',
    summary:
      "Readiness: this gateway's own PostgreSQL and NATS connections answer (not the services; 503 names what is down)",
  })
  @ApiAnswers(200, 'Health')
  @ApiDown
  ready(@Res({ passthrough: true }) reply: FastifyReply) {
    return this.check(reply, this.ownConnections());
  }

  @Get('system')
  @ApiOperation({
    operationId: 'system',
    summary: 'System status: PostgreSQL, NATS and every service answer (503 names what is down)',
  })
  @ApiAnswers(200, 'Health')
  @ApiDown
  system(@Res({ passthrough: true }) reply: FastifyReply) {
    return this.check(reply, [
      ...this.ownConnections(),
      ...this.services.all().map(
        ([service, client]) =>
          () =>
            this.probe(service, () =>
              client.request(SUBJECTS[service].health, {}, PROBE, { timeoutMs: SERVICE_PROBE_MS }),
            ),
      ),
    ]);
  }

  /** This gateway's PostgreSQL connection, and its NATS connections (one per service client) each making a round trip. */
  private ownConnections(): HealthIndicatorFunction[] {
    return [
      () =>
        this.probe('postgres', async () => {
          if (!(await databaseAnswers(this.db, PROBE_MS)))
            throw new Error(`PostgreSQL did not answer within ${PROBE_MS} ms`);
        }),
      () =>
        this.probe('nats', async () => {
          await Promise.all(this.services.all().map(([, client]) => client.ping(PROBE_MS)));
        }),
    ];
  }

  private async check(reply: FastifyReply, checks: HealthIndicatorFunction[]) {
    try {
      return await this.health.check(checks);
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
