import { Controller, Inject, type Type } from '@nestjs/common';
import { SUBJECTS } from '@concord/domain';
import { Handles, type RequestFor } from '@concord/messaging';
import type { AuditEvidenceOptions } from './audit-evidence';
import { AuditReader } from './audit-reader';

/**
 * The NATS handler of a service's audit trail (`<service>.audit.list|verify|export`): every service answers the same
 * three subjects under its own name, so each module lists `auditHandlerFor('<service>')` among its controllers.
 */
export function auditHandlerFor(service: AuditEvidenceOptions['service']): Type<unknown> {
  const S = SUBJECTS[service];

  @Controller()
  class AuditHandler {
    constructor(@Inject(AuditReader) private readonly audit: AuditReader) {}

    @Handles(S.auditList)
    list(request: RequestFor<typeof S.auditList>) {
      return this.audit.list(request);
    }

    @Handles(S.auditVerify)
    verify(request: RequestFor<typeof S.auditVerify>) {
      return this.audit.verify(request);
    }

    @Handles(S.auditExport)
    export(request: RequestFor<typeof S.auditExport>) {
      return this.audit.export(request);
    }
  }
  return AuditHandler;
}
