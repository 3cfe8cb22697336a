import type { DataSource, EntityManager } from 'typeorm';
import type { Envelope } from '@concord/domain';
import { transactOnce, type RunOnce } from '@concord/messaging';
import type { Committed } from './service-module';

/**
 * A service's one way to change its data. A command runs in one transaction
 * (or one statement: `writeOnce`), once per Idempotency-Key, its audit
 * entries and outbox events committing with it; work nobody asked for (the
 * calendar, deadlines) runs in a plain transaction. After each commit that
 * changed something, the outbox relay and the audit sequencer are woken
 * (`COMMITTED`), so events leave and entries are linked at once.
 */
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly committed: Committed,
  ) {}

  /** A command's effect, once per Idempotency-Key (`transactOnce` unless told `writeOnce`). */
  async command<R>(
    envelope: Envelope<unknown>,
    effect: (manager: EntityManager) => Promise<R>,
    runOnce: RunOnce = transactOnce,
  ): Promise<R> {
    const result = await runOnce(this.dataSource, envelope, effect);
    this.committed();
    return result;
  }

  /** Work of the service's own (no command, no Idempotency-Key); `changed` says whether the result committed anything. */
  async job<R>(effect: (manager: EntityManager) => Promise<R>, changed: (result: R) => boolean = Boolean): Promise<R> {
    const result = await this.dataSource.transaction(effect);
    if (changed(result)) this.committed();
    return result;
  }
}
