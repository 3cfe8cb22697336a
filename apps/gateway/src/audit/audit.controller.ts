import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AuditQuery, parseOrThrow, SUBJECTS, type Actor } from '@concord/domain';
import type { ServiceClient } from '@concord/messaging';
import { CurrentActor } from '../auth/auth.decorators';
import { ApiAnswers, ApiQueryFrom } from '../openapi/schemas';
import { AgreementsClient, ApprovalsClient, RegistryClient, TaskingClient } from '../services/service-clients';

/** Which service keeps the trail of which kind of object. */
const TRAILS = {
  registry: { kinds: ['creator'], list: SUBJECTS.registry.auditList, verify: SUBJECTS.registry.auditVerify },
  agreements: { kinds: ['agreement'], list: SUBJECTS.agreements.auditList, verify: SUBJECTS.agreements.auditVerify },
  tasking: { kinds: ['campaign', 'campaign_request', 'agency_task', 'assignment'], list: SUBJECTS.tasking.auditList, verify: SUBJECTS.tasking.auditVerify },
  approvals: { kinds: ['submission'], list: SUBJECTS.approvals.auditList, verify: SUBJECTS.approvals.auditVerify },
} as const;
type Trail = keyof typeof TRAILS;

export const GatewayAuditQuery = AuditQuery.extend({
  /** Whose trail, when no subject says it: registry (default), agreements, tasking or approvals. */
  service: z.enum(['registry', 'agreements', 'tasking', 'approvals']).optional(),
});

/** Each service keeps its own hash-chained trail; the gateway routes to the one that holds the subject. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  private readonly clients: Record<Trail, ServiceClient>;

  constructor(
    @Inject(RegistryClient) registry: RegistryClient,
    @Inject(AgreementsClient) agreements: AgreementsClient,
    @Inject(TaskingClient) tasking: TaskingClient,
    @Inject(ApprovalsClient) approvals: ApprovalsClient,
  ) {
    this.clients = { registry, agreements, tasking, approvals };
  }

  @Get()
  @ApiOperation({ operationId: 'listAudit', summary: "Your agency's audit trail, newest first (who, agency, action, when, reason)" })
  @ApiQueryFrom(GatewayAuditQuery)
  @ApiAnswers(200, 'AuditPage', [403])
  list(@CurrentActor() actor: Actor, @Query() raw: unknown) {
    const { service, ...query } = parseOrThrow(GatewayAuditQuery, raw);
    const kind = query.subject?.split(':')[0];
    const trail = (Object.keys(TRAILS) as Trail[]).find((t) => (TRAILS[t].kinds as readonly string[]).includes(kind ?? '')) ?? service ?? 'registry';
    return this.clients[trail].request(TRAILS[trail].list, { query }, actor);
  }

  @Get('verify')
  @ApiOperation({ operationId: 'verifyAudit', summary: "Walk every service's hash chain and say whether each holds" })
  @ApiAnswers(200, 'AuditVerdict', [403])
  async verify(@CurrentActor() actor: Actor) {
    const trails = Object.keys(TRAILS) as Trail[];
    const verdicts = await Promise.all(
      trails.map((t) => this.clients[t].request<{ valid: boolean; entries: number; brokenAt?: number }>(TRAILS[t].verify, {}, actor)),
    );
    const services = Object.fromEntries(trails.map((t, i) => [t, verdicts[i]]));
    return { valid: verdicts.every((v) => v.valid), entries: verdicts.reduce((n, v) => n + v.entries, 0), services };
  }
}
