import type { DataSource, EntityManager } from 'typeorm';
import { checkpointSigned, SignedCheckpointSchema, type Envelope, type SignedCheckpoint } from '@concord/domain';
import type { AuditKeys } from './audit-keys';
import { BUS } from '@concord/messaging';

/**
 * Events this store keeps: every service's checkpoints, `concord.events.audit.<service>.checkpointed`
 * (a subject tree of their own, so consumers of a service's `events.<service>.>` never see them).
 */
export const CHECKPOINT_EVENTS_FILTER = BUS.gateway.consumes.audit_checkpoints;

interface CheckpointRow {
  service: string;
  size: string;
  head: string;
  at: Date;
  signature: string;
}

const toCheckpoint = (r: CheckpointRow): SignedCheckpoint => ({
  service: r.service,
  size: Number(r.size),
  head: r.head,
  at: r.at.toISOString(),
  signature: r.signature,
});

/**
 * The gateway's copies of the services' signed checkpoints (its own schema).
 * A checkpoint is kept only when a configured public key of the service
 * named in its subject verifies it (which key, in which order, verify checks); anything else is dropped and logged.
 */
export class AuditCheckpointRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: AuditKeys,
    private readonly log: (message: string) => void,
  ) {}

  /** Applies one `concord.<env>.events.audit.<service>.checkpointed` event (inside the consumer's inbox transaction). */
  keep = async (event: Envelope<unknown> & { subject: string }, manager: EntityManager): Promise<void> => {
    const service = event.subject.split('.').at(-2) ?? '';
    const parsed = SignedCheckpointSchema.safeParse(event.data);
    const keys = this.keys.of(service) ?? [];
    if (!parsed.success || parsed.data.service !== service || !keys.some((key) => checkpointSigned(key, parsed.data))) {
      this.log(`dropping an audit checkpoint on ${event.subject} that ${service}'s configured key does not verify`);
      return;
    }
    const c = parsed.data;
    await manager.query(
      'INSERT INTO audit_checkpoints (service, size, head, at, signature) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
      [c.service, c.size, c.head, c.at, c.signature],
    );
  };

  /** Checkpoints in (service, size) order, after a position, for the public endpoint. */
  async page(query: { service?: string; after?: number; limit: number }): Promise<SignedCheckpoint[]> {
    const rows: CheckpointRow[] = await this.dataSource.query(
      `SELECT service, size, head, at, signature FROM audit_checkpoints
       WHERE ($1::text IS NULL OR service = $1) AND size > $2 ORDER BY service, size, at LIMIT $3`,
      [query.service ?? null, query.after ?? 0, query.limit],
    );
    return rows.map(toCheckpoint);
  }

  /** Seconds since each service's latest kept checkpoint (concord_audit_checkpoint_age_seconds; ADR 0027). */
  async ages(): Promise<{ service: string; ageSeconds: number }[]> {
    const rows: { service: string; age: string }[] = await this.dataSource.query(
      'SELECT service, extract(epoch FROM now() - max(at)) AS age FROM audit_checkpoints GROUP BY service',
    );
    return rows.map((r) => ({ service: r.service, ageSeconds: Math.max(0, Number(r.age)) }));
  }

  /** The latest `limit` checkpoints of one service (a chain is checked against them). */
  async latest(service: string, limit = 1000): Promise<SignedCheckpoint[]> {
    const rows: CheckpointRow[] = await this.dataSource.query(
      'SELECT service, size, head, at, signature FROM audit_checkpoints WHERE service = $1 ORDER BY size DESC, at DESC LIMIT $2',
      [service, limit],
    );
    return rows.map(toCheckpoint).reverse();
  }
}
