import type { DataSource } from 'typeorm';
import { DomainError, type AuditCommands, type Envelope } from '@concord/domain';
import { abilityFor, subject } from '@concord/permissions';
import type { z } from 'zod';
import { listAudit, verifyAudit } from './audit-trail';

/** Reading and verifying one service's audit trail, for auditors and admins of the caller's agency. */
export class AuditReader {
  constructor(private readonly dataSource: DataSource) {}

  list(cmd: Envelope<z.infer<typeof AuditCommands.list>>) {
    this.assert(cmd, 'read');
    return listAudit(this.dataSource, { orgId: cmd.actor.orgId, ...cmd.data.query });
  }

  verify(cmd: Envelope<unknown>) {
    this.assert(cmd, 'verify');
    return verifyAudit(this.dataSource);
  }

  private assert(cmd: Envelope<unknown>, action: 'read' | 'verify'): void {
    if (!abilityFor(cmd.actor).can(action, subject('AuditTrail', { orgId: cmd.actor.orgId }))) {
      throw new DomainError('auth.forbidden', 'Only auditors and admins read the audit trail');
    }
  }
}
