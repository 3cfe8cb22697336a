import type { DataSource } from 'typeorm';
import { TrailVerifier, type ExportedLink, type SignedCheckpoint, type TrailVerdict } from '@concord/domain';
import type { KeyObject } from 'node:crypto';
import { ENTRY_COLUMNS, factsOfRow, VISIBLE_TO_ORG, type AuditEntryRow } from './audit-trail';
import { pendingEntries } from './audit-sequencer';

interface LinkRow {
  seq: string;
  digest: string;
  prev_hash: string;
  hash: string;
  signature: string;
}

type JoinedRow = LinkRow & Partial<AuditEntryRow> & { entry_present: boolean };

/**
 * Walks the whole chain in order, in pages, with each link's entry: every
 * digest recomputed from the facts, every hash and signature checked, and
 * the chain compared with the signed checkpoints given (copies kept outside
 * this schema). Entries written but not linked yet are counted as pending.
 */
export async function verifyTrail(
  dataSource: DataSource,
  options: { service: string; keys: readonly KeyObject[]; checkpoints: readonly SignedCheckpoint[]; pageSize?: number },
): Promise<TrailVerdict & { pending: number }> {
  const verifier = new TrailVerifier(options.service, options.keys, options.checkpoints);
  const pageSize = options.pageSize ?? 2000;
  let after = 0;
  for (;;) {
    const rows: JoinedRow[] = await dataSource.query(
      `SELECT c.seq, c.digest, c.prev_hash, c.hash, c.signature, ${ENTRY_COLUMNS}, e.id IS NOT NULL AS entry_present
       FROM audit_chain c LEFT JOIN audit_entries e ON e.id = c.entry_id
       WHERE c.seq > $1 ORDER BY c.seq LIMIT $2`,
      [after, pageSize],
    );
    let going = true;
    for (const row of rows) {
      going = verifier.push({
        seq: Number(row.seq),
        digest: row.digest,
        prevHash: row.prev_hash,
        hash: row.hash,
        signature: row.signature,
        facts: row.entry_present ? factsOfRow(row as AuditEntryRow) : null,
      });
      if (!going) break;
    }
    if (!going || rows.length < pageSize) break;
    after = Number(rows[rows.length - 1].seq);
  }
  return { ...verifier.verdict(), pending: await pendingEntries(dataSource) };
}

/**
 * A page of the chain for an agency's export: every link (so the chain can
 * be checked end to end), with the entry's facts where the agency may see
 * them and only the digest elsewhere; `gone` marks a link whose entry is no
 * longer in the database.
 */
export async function exportTrail(
  dataSource: DataSource,
  options: { service: string; orgId: string; after: number; limit: number },
): Promise<{ links: ExportedLink[]; next: number | null }> {
  const rows: (JoinedRow & { visible: boolean | null })[] = await dataSource.query(
    `SELECT c.seq, c.digest, c.prev_hash, c.hash, c.signature, ${ENTRY_COLUMNS}, e.id IS NOT NULL AS entry_present, ${VISIBLE_TO_ORG} AS visible
     FROM audit_chain c LEFT JOIN audit_entries e ON e.id = c.entry_id
     WHERE c.seq > $2 ORDER BY c.seq LIMIT $3`,
    [options.orgId, options.after, options.limit],
  );
  const links = rows.map((row): ExportedLink => ({
    service: options.service,
    seq: Number(row.seq),
    digest: row.digest,
    prevHash: row.prev_hash,
    hash: row.hash,
    signature: row.signature,
    ...(!row.entry_present ? { gone: true } : row.visible ? { facts: factsOfRow(row as AuditEntryRow) } : {}),
  }));
  return { links, next: rows.length === options.limit ? Number(rows[rows.length - 1].seq) : null };
}
