import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditQuery, parseOrThrow, SUBJECTS, type Actor } from '@concord/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { ApiAnswers, ApiQueryFrom } from '../openapi/schemas';
import { RegistryClient } from '../services/service-clients';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(@Inject(RegistryClient) private readonly registry: RegistryClient) {}

  @Get()
  @ApiOperation({ operationId: 'listAudit', summary: "Your agency's audit trail, newest first (who, agency, action, when, reason)" })
  @ApiQueryFrom(AuditQuery)
  @ApiAnswers(200, 'AuditPage', [403])
  list(@CurrentActor() actor: Actor, @Query() raw: unknown) {
    const query = parseOrThrow(AuditQuery, raw);
    return this.registry.request(SUBJECTS.registry.auditList, { query }, actor);
  }

  @Get('verify')
  @ApiOperation({ operationId: 'verifyAudit', summary: 'Walk the hash chain and say whether it holds' })
  @ApiAnswers(200, 'AuditVerdict', [403])
  verify(@CurrentActor() actor: Actor) {
    return this.registry.request(SUBJECTS.registry.auditVerify, {}, actor);
  }
}
