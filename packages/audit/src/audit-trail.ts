import type { DataSource, EntityManager } from 'typeorm';
import { writeLater } from '@concord/database';
import { currentRequestId } from '@concord/messaging';
import {
  decodeCursor,
  encodeCursor,
  NUMBER_POSITION,
  newId,
  type Actor,
  type AuditEntryView,
  type AuditFacts,
} from '@concord/domain';

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

/** An `audit_entries` row as SQL returns it. */
export interface AuditEntryRow {
  pos: string | number;
  id: string;
  at: Date;
  actor_user_id: string;
  actor_org_id: string;
  action: string;
  subject: string;
  reason: string | null;
  data: unknown;
  /** The request that made the entry (ADR 0025); not one of the facts a link's digest covers. */
  request_id?: string | null;
}

export const ENTRY_COLUMNS =
  'e.pos, e.id, e.at, e.actor_user_id, e.actor_org_id, e.action, e.subject, e.reason, e.data, e.request_id';

/** The facts a link's digest covers, as read back from the database. */
export function factsOfRow(row: AuditEntryRow): AuditFacts {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorUserId: row.actor_user_id,
    actorOrgId: row.actor_org_id,
    action: row.action,
    subject: row.subject,
    reason: row.reason,
    data: row.data,
  };
}

/**
 * Records an audit entry inside the caller's transaction, so it commits with
 * the change it records or not at all. No lock and no read of the chain: the
 * service's sequencer links it afterwards (AuditSequencer). The entry keeps the id of the request being handled
 * (`request_id`, ADR 0025), beside the facts: support finds the entries of one request by it.
 */
export async function appendAudit(manager: EntityManager, record: AuditRecord): Promise<AuditFacts> {
  const facts: AuditFacts = {
    id: newId(),
    at: new Date().toISOString(),
    actorUserId: record.actor.userId,
    actorOrgId: record.actor.orgId,
    action: record.action,
    subject: record.subject,
    reason: record.reason ?? null,
    data: JSON.parse(
      JSON.stringify(
        record.concerns?.length ? { ...record.data, concerns: [...new Set(record.concerns)] } : (record.data ?? {}),
      ),
    ),
  };
  await writeLater(
    manager,
    `INSERT INTO audit_entries (id, at, actor_user_id, actor_org_id, action, subject, reason, data, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
    [
      facts.id,
      facts.at,
      facts.actorUserId,
      facts.actorOrgId,
      facts.action,
      facts.subject,
      facts.reason,
      JSON.stringify(facts.data),
      currentRequestId() ?? null,
    ],
  );
  return facts;
}

function toAuditView(row: AuditEntryRow & { seq: string | null; hash: string | null }): AuditEntryView {
  const facts = factsOfRow(row);
  return {
    seq: row.seq === null ? null : Number(row.seq),
    id: facts.id,
    at: facts.at,
    actor: { userId: facts.actorUserId, orgId: facts.actorOrgId },
    action: facts.action,
    subject: facts.subject,
    reason: facts.reason,
    data: facts.data,
    hash: row.hash,
    requestId: row.request_id ?? null,
  };
}

/** SQL: may agency `$1` read this entry? What its people did, and what others did that concerns it. */
export const VISIBLE_TO_ORG = `(e.actor_org_id = $1 OR e.data->'concerns' @> jsonb_build_array($1::text))`;

/** A page of the trail, newest first, restricted to what one agency may see; entries not linked yet are listed too. */
export async function listAudit(
  dataSource: DataSource,
  query: { orgId: string; subject?: string; limit: number; cursor?: string },
): Promise<{ items: AuditEntryView[]; nextCursor: string | null }> {
  const params: unknown[] = [query.orgId, query.limit + 1];
  const where = [VISIBLE_TO_ORG];
  if (query.subject) {
    params.push(query.subject);
    where.push(`e.subject = $${params.length}`);
  }
  if (query.cursor) {
    params.push(Number(decodeCursor(query.cursor, NUMBER_POSITION)));
    where.push(`e.pos < $${params.length}`);
  }
  const rows: (AuditEntryRow & { seq: string | null; hash: string | null })[] = await dataSource.query(
    `SELECT ${ENTRY_COLUMNS}, c.seq, c.hash FROM audit_entries e LEFT JOIN audit_chain c ON c.entry_id = e.id
     WHERE ${where.join(' AND ')} ORDER BY e.pos DESC LIMIT $2`,
    params,
  );
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toAuditView),
    nextCursor: rows.length > query.limit ? encodeCursor(String(page[page.length - 1].pos)) : null,
  };
}
