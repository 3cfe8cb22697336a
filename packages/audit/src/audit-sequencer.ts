import type { DataSource, EntityManager } from 'typeorm';
import { entryDigest, GENESIS_HASH, linkHash, linkStatement, signStatement, type AuditSigningKey } from '@concord/domain';
import { ENTRY_COLUMNS, factsOfRow, type AuditEntryRow } from './audit-trail';

/** Only a service's sequencer (and checkpointer) takes this lock, once per run: business writes never wait on it. */
export async function trySequencerLock(manager: EntityManager): Promise<boolean> {
  const [row] = await manager.query(
    `SELECT pg_try_advisory_xact_lock(hashtextextended('concord.audit.sequencer.' || current_schema(), 0)) AS locked`,
  );
  return row.locked === true;
}

export interface ChainTail {
  seq: number;
  hash: string;
  entryPos: number;
}

/** How many committed entries wait to be linked into the chain. */
export async function pendingEntries(manager: EntityManager | DataSource): Promise<number> {
  const [row] = await manager.query(
    'SELECT count(*)::int AS n FROM audit_entries e WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.entry_id = e.id)',
  );
  return row.n;
}

export async function chainTail(manager: EntityManager | DataSource): Promise<ChainTail | null> {
  const [row] = await manager.query('SELECT seq, hash, entry_pos FROM audit_chain ORDER BY seq DESC LIMIT 1');
  return row ? { seq: Number(row.seq), hash: row.hash, entryPos: Number(row.entry_pos) } : null;
}

/**
 * Links a service's queued audit entries into its hash chain, in order, and
 * signs each link (Certificate Transparency's "queue, then integrate"). Runs
 * inside the service with the service's own database role: it only reads
 * and inserts. One run at a time across the service's instances (a
 * transaction-scoped advisory lock per schema, tried, never waited for).
 *
 * Entries are picked up by queue position. A transaction that commits late
 * with an older position is still found: each run looks back `lookBack`
 * positions behind the tail, and a full sweep runs at start and every
 * `sweepMs`.
 */
export class AuditSequencer {
  private lastSweep = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly service: string,
    private readonly key: AuditSigningKey,
    private readonly options: { batch?: number; lookBack?: number; sweepMs?: number } = {},
  ) {}

  /** Links everything queued now; answers how many links were added. */
  async integrate(): Promise<number> {
    let total = 0;
    for (;;) {
      const added = await this.integrateBatch();
      total += added;
      if (added < (this.options.batch ?? 500)) return total;
    }
  }

  private async integrateBatch(): Promise<number> {
    const batch = this.options.batch ?? 500;
    return this.dataSource.transaction(async (m) => {
      if (!(await trySequencerLock(m))) return 0;
      const tail = await chainTail(m);
      const sweep = Date.now() - this.lastSweep >= (this.options.sweepMs ?? 60_000);
      const floor = sweep || !tail ? 0 : Math.max(0, tail.entryPos - (this.options.lookBack ?? 10_000));
      const rows: AuditEntryRow[] = await m.query(
        `SELECT ${ENTRY_COLUMNS} FROM audit_entries e
         WHERE e.pos > $1 AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.entry_id = e.id)
         ORDER BY e.pos LIMIT $2`,
        [floor, batch],
      );
      if (sweep) this.lastSweep = Date.now();
      if (rows.length === 0) return 0;
      let prev = tail?.hash ?? GENESIS_HASH;
      let seq = tail?.seq ?? 0;
      const links = rows.map((row) => {
        seq += 1;
        const digest = entryDigest(factsOfRow(row));
        const hash = linkHash(prev, digest);
        const link = { seq, entry_id: row.id, entry_pos: Number(row.pos), digest, prev_hash: prev, hash, signature: signStatement(this.key.privateKey, linkStatement(this.service, seq, hash)) };
        prev = hash;
        return link;
      });
      await m.query(
        `INSERT INTO audit_chain (seq, entry_id, entry_pos, digest, prev_hash, hash, signature)
         SELECT seq, entry_id, entry_pos, digest, prev_hash, hash, signature
         FROM jsonb_to_recordset($1::jsonb) AS x(seq bigint, entry_id uuid, entry_pos bigint, digest text, prev_hash text, hash text, signature text)`,
        [JSON.stringify(links)],
      );
      return links.length;
    });
  }
}
