import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AuditCommands, SUBJECTS } from '@concord/domain';
import { AuditReader } from '@concord/audit';
import { readEnvelope } from '@concord/messaging';

@Controller()
export class AuditHandler {
  constructor(@Inject(AuditReader) private readonly audit: AuditReader) {}

  @MessagePattern(SUBJECTS.approvals.auditList)
  list(@Payload() m: unknown) {
    return this.audit.list(readEnvelope(m, AuditCommands.list));
  }

  @MessagePattern(SUBJECTS.approvals.auditVerify)
  verify(@Payload() m: unknown) {
    return this.audit.verify(readEnvelope(m, AuditCommands.verify));
  }

  @MessagePattern(SUBJECTS.approvals.auditExport)
  export(@Payload() m: unknown) {
    return this.audit.export(readEnvelope(m, AuditCommands.export));
  }
}
