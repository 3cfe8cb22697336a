import type { DataSource } from 'typeorm';
import type { KeyObject } from 'node:crypto';
import { DomainError, type AuditCommands, type Envelope } from '@concord/domain';
import { abilityFor, subject } from '@concord/permissions';
import type { z } from 'zod';
import { ownCheckpoints } from './audit-checkpoints';
import { listAudit } from './audit-trail';
import { exportTrail, verifyTrail } from './audit-verification';

/** Reading, verifying and exporting one service's audit trail, for auditors and admins of the caller's agency. */
export class AuditReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly service: string,
    /** The service's public keys, oldest first: the retired ones, then its signing key's. */
    private readonly keys: readonly KeyObject[],
  ) {}

  list(cmd: Envelope<z.infer<typeof AuditCommands.list>>) {
    this.assert(cmd, 'read');
    return listAudit(this.dataSource, { orgId: cmd.actor.orgId, ...cmd.data.query });
  }

  /** Against the checkpoints the caller keeps (the gateway's copies) and the ones this service kept itself. */
  async verify(cmd: Envelope<z.infer<typeof AuditCommands.verify>>) {
    this.assert(cmd, 'verify');
    const own = await ownCheckpoints(this.dataSource, this.service);
    return verifyTrail(this.dataSource, {
      service: this.service,
      keys: this.keys,
      checkpoints: [...(cmd.data.checkpoints ?? []), ...own],
    });
  }

  export(cmd: Envelope<z.infer<typeof AuditCommands.export>>) {
    this.assert(cmd, 'read');
    return exportTrail(this.dataSource, {
      service: this.service,
      orgId: cmd.actor.orgId,
      after: cmd.data.after,
      limit: cmd.data.limit,
    });
  }

  private assert(cmd: Envelope<unknown>, action: 'read' | 'verify'): void {
    if (!abilityFor(cmd.actor).can(action, subject('AuditTrail', { orgId: cmd.actor.orgId }))) {
      throw new DomainError('auth.forbidden', 'Only auditors and admins read the audit trail');
    }
  }
}
