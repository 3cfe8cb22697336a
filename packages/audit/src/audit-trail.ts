import type { DataSource, EntityManager } from 'typeorm';
import {
  chainHash, ChainVerifier, decodeCursor, encodeCursor, GENESIS_HASH, NUMBER_POSITION, newId, type Actor, type AuditEntryView, type AuditFacts,
  type ChainVerdict,
} from '@concord/domain';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  actor: Actor;
  action: string;
  subject: string;
  reason?: string | null;
  data?: Record<string, unknown>;
  /**
   * Agencies the action concerns besides the actor's own (e.g. the campaign's agency when a creator
   * submits content): their auditors read it in their trail too. Kept in `data.concerns`, so it is hashed.
   */
  concerns?: string[];
}

const CHAIN_LOCK = 'concord.audit.chain';

function factsOf(entry: AuditEntry): AuditFacts {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actorUserId: entry.actorUserId,
    actorOrgId: entry.actorOrgId,
    action: entry.action,
    subject: entry.subject,
    reason: entry.reason,
    data: entry.data,
  };
}

/**
 * Appends to the audit trail inside the caller's transaction, so the entry
 * commits with the change it records or not at all. Appends are serialised
 * (a transaction-scoped advisory lock) so the chain never forks.
 */
export async function appendAudit(manager: EntityManager, record: AuditRecord): Promise<AuditEntry> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [CHAIN_LOCK]);
  const [last] = await manager.query('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const prevHash: string = last?.hash ?? GENESIS_HASH;
  const seq = last ? Number(last.seq) + 1 : 1;
  const facts: AuditFacts = {
    id: newId(),
    at: new Date().toISOString(),
    actorUserId: record.actor.userId,
    actorOrgId: record.actor.orgId,
    action: record.action,
    subject: record.subject,
    reason: record.reason ?? null,
    data: JSON.parse(JSON.stringify(record.concerns?.length ? { ...record.data, concerns: [...new Set(record.concerns)] } : (record.data ?? {}))),
  };
  const entry = manager.create(AuditEntry, {
    seq,
    id: facts.id,
    at: new Date(facts.at),
    actorUserId: facts.actorUserId,
    actorOrgId: facts.actorOrgId,
    action: facts.action,
    subject: facts.subject,
    reason: facts.reason,
    data: facts.data as object,
    prevHash,
    hash: chainHash(prevHash, facts),
  });
  await manager.insert(AuditEntry, entry);
  return entry;
}

export function toAuditView(entry: AuditEntry): AuditEntryView {
  return {
    seq: entry.seq,
    id: entry.id,
    at: entry.at.toISOString(),
    actor: { userId: entry.actorUserId, orgId: entry.actorOrgId },
    action: entry.action,
    subject: entry.subject,
    reason: entry.reason,
    data: entry.data,
    hash: entry.hash,
  };
}

/** A page of the trail, newest first, restricted to what one agency did. */
export async function listAudit(
  dataSource: DataSource,
  query: { orgId: string; subject?: string; limit: number; cursor?: string },
): Promise<{ items: AuditEntryView[]; nextCursor: string | null }> {
  const qb = dataSource
    .getRepository(AuditEntry)
    .createQueryBuilder('a')
    // An agency's trail: what its people did, and what others did that concerns it.
    .where(`(a.actor_org_id = :org OR a.data->'concerns' @> jsonb_build_array(:org::text))`, { org: query.orgId })
    .orderBy('a.seq', 'DESC')
    .limit(query.limit + 1);
  if (query.subject) qb.andWhere('a.subject = :subject', { subject: query.subject });
  if (query.cursor) qb.andWhere('a.seq < :before', { before: Number(decodeCursor(query.cursor, NUMBER_POSITION)) });
  const rows = await qb.getMany();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toAuditView),
    nextCursor: rows.length > query.limit ? encodeCursor(String(page[page.length - 1].seq)) : null,
  };
}

/** Walks the whole chain in order, in pages, recomputing every hash. */
export async function verifyAudit(dataSource: DataSource, pageSize = 2000): Promise<ChainVerdict> {
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    const rows = await dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .where('a.seq > :after', { after })
      .orderBy('a.seq', 'ASC')
      .limit(pageSize)
      .getMany();
    for (const row of rows) {
      if (!verifier.push({ seq: row.seq, prevHash: row.prevHash, hash: row.hash, facts: factsOf(row) })) {
        return verifier.verdict();
      }
    }
    if (rows.length < pageSize) return verifier.verdict();
    after = rows[rows.length - 1].seq;
  }
}
