import type { DataSource, EntityManager } from 'typeorm';
import {
  AGREEMENT_BUDGETED,
  agreementQueryWords,
  agreementSearchText,
  decodeCursor,
  encodeCursor,
  UUID_POSITION,
  type AgreementStatusName,
  type ListAgreementsQuery,
} from '@concord/domain';
import type { SqlCondition } from '@concord/permissions';
import { insertLater } from '@concord/database';
import { Agreement } from './agreement.entity';
import { Milestone } from './milestone.entity';
import { AgreementVersion } from './agreement-version.entity';
import { AgreementDocument } from './agreement-document.entity';

/** Rule fields → SQL columns, for permission conditions on `agreements a`. */
export const AGREEMENT_PERMISSION_COLUMNS = { agencyId: 'a.agency_id' };

/**
 * Agreements in PostgreSQL. Every read takes the caller's visibility (from
 * `@concord/permissions`) first, so no query runs unscoped.
 */
export class AgreementRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Locks one agreement the calendar must move on `today` (past its end while signed, active or suspended; or signed
   * and begun), skipping those another instance holds: null when none is left.
   */
  async lockNextDue(manager: EntityManager, today: string): Promise<string | null> {
    const [due] = await manager.query<{ id: string }[]>(
      `SELECT id FROM agreements
        WHERE (status IN ('signed', 'active', 'suspended') AND term_end < $1::date)
           OR (status = 'signed' AND term_start <= $1::date)
        ORDER BY id
        LIMIT 1
        FOR UPDATE SKIP LOCKED`,
      [today],
    );
    return due?.id ?? null;
  }

  async findVisible(
    visibility: SqlCondition,
    id: string,
    options: { manager?: EntityManager; lock?: boolean } = {},
  ): Promise<Agreement | null> {
    if (!visibility?.sql) throw new Error('An agreement query needs the caller visibility');
    const qb = (options.manager ?? this.dataSource.manager)
      .getRepository(Agreement)
      .createQueryBuilder('a')
      .where(visibility.sql, visibility.params)
      .andWhere('a.id = :id', { id });
    if (options.lock) qb.setLock('pessimistic_write');
    const agreement = await qb.getOne();
    if (agreement) {
      const manager = options.manager ?? this.dataSource.manager;
      agreement.milestones = await manager.find(Milestone, {
        where: { agreementId: id },
        order: { dueDate: 'ASC', createdAt: 'ASC' },
      });
      agreement.versions = await manager.find(AgreementVersion, {
        where: { agreementId: id },
        order: { version: 'ASC' },
      });
      agreement.documents = await manager.find(AgreementDocument, {
        where: { agreementId: id },
        order: { uploadedAt: 'ASC', id: 'ASC' },
      });
    }
    return agreement;
  }

  async saveVersion(manager: EntityManager, version: AgreementVersion): Promise<void> {
    await manager.save(AgreementVersion, version);
  }

  async insertDocument(manager: EntityManager, document: AgreementDocument): Promise<void> {
    await manager.insert(AgreementDocument, document);
  }

  /** A document's bytes, for an agreement already found visible. */
  async documentContent(agreementId: string, documentId: string): Promise<AgreementDocument | null> {
    return this.dataSource
      .getRepository(AgreementDocument)
      .createQueryBuilder('d')
      .addSelect('d.content')
      .where('d.agreement_id = :agreementId AND d.id = :documentId', { agreementId, documentId })
      .getOne();
  }

  async insertMilestone(manager: EntityManager, milestone: Milestone): Promise<void> {
    await manager.insert(Milestone, milestone);
  }

  async saveMilestone(manager: EntityManager, milestone: Milestone): Promise<void> {
    const { id, createdAt: _c, ...changes } = milestone;
    await manager.update(Milestone, { id }, changes);
  }

  /**
   * The agreements that count in a year's budget (their term starts in it and
   * they were signed: `AGREEMENT_BUDGETED`), each with what its paid
   * milestones add up to. The service weighs them with `agreementBudget`.
   */
  async budgetAgreements(visibility: SqlCondition, year: number) {
    const [sql, params] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT a.agency_id, a.counterparty_id, a.counterparty_name, a.status, a.budget,
              coalesce((SELECT sum(m.amount) FROM milestones m WHERE m.agreement_id = a.id AND m.status = 'paid'), 0)::bigint AS paid
         FROM agreements a
        WHERE ${visibility.sql} AND a.term_start >= make_date(:year, 1, 1) AND a.term_start < make_date(:year + 1, 1, 1)
          AND a.status IN (:...statuses)
        ORDER BY a.agency_id, a.counterparty_id`,
      { ...visibility.params, year, statuses: [...AGREEMENT_BUDGETED] },
    );
    const rows: {
      agency_id: string;
      counterparty_id: string;
      counterparty_name: string;
      status: AgreementStatusName;
      budget: string;
      paid: string;
    }[] = await this.dataSource.query(sql, params);
    return rows.map((r) => ({
      agencyId: r.agency_id,
      counterpartyId: r.counterparty_id,
      counterpartyName: r.counterparty_name,
      status: r.status,
      budget: Number(r.budget),
      paid: Number(r.paid),
    }));
  }

  /** The next number of an agency's year, in the caller's transaction: a rollback leaves no gap. */
  async nextSequence(manager: EntityManager, agencyId: string, year: number): Promise<number> {
    const [row] = await manager.query<{ last: number }[]>(
      `INSERT INTO number_sequences (agency_id, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (agency_id, year) DO UPDATE SET last = number_sequences.last + 1
       RETURNING last`,
      [agencyId, year],
    );
    return row.last;
  }

  /** A new draft, as TypeORM would write it, sent with the command's audit entry and reply at its end (insertLater). */
  async insert(manager: EntityManager, agreement: Agreement): Promise<void> {
    indexForSearch(agreement);
    await insertLater(manager, Agreement, agreement);
  }

  async save(manager: EntityManager, agreement: Agreement): Promise<void> {
    indexForSearch(agreement);
    const { id, createdAt: _c, milestones: _m, versions: _v, documents: _d, ...changes } = agreement;
    await manager.update(Agreement, { id }, changes);
  }

  /**
   * The public register: agreements both sides signed (whatever became of
   * them since), newest first. Public by design, so not scoped by a caller.
   */
  async signedPartnerships(limit: number, cursor?: string): Promise<{ items: Agreement[]; nextCursor: string | null }> {
    const qb = this.dataSource
      .getRepository(Agreement)
      .createQueryBuilder('a')
      .where(`a.status IN ('signed', 'active', 'suspended', 'expired', 'terminated')`)
      .andWhere(`(SELECT count(DISTINCT s->>'party') FROM jsonb_array_elements(a.signatures) s) = 2`);
    if (cursor) qb.andWhere('a.id < :cid', { cid: decodeCursor(cursor, UUID_POSITION) });
    const rows = await qb
      .orderBy('a.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1].id) : null };
  }

  /** A page of visible agreements, newest first by id (UUIDv7), with the list filters and `q` (every word must match). */
  async list(
    visibility: SqlCondition,
    query: ListAgreementsQuery,
    today: string,
  ): Promise<{ items: Agreement[]; nextCursor: string | null }> {
    const qb = this.dataSource
      .getRepository(Agreement)
      .createQueryBuilder('a')
      .where(visibility.sql, visibility.params);
    if (query.q) {
      // Every word somewhere in the folded number, title or counterparty name. An agency has thousands of
      // agreements, not millions: its rows (agency_id index) are scanned without a text index.
      const words = agreementQueryWords(query.q);
      if (words.length === 0) qb.andWhere('1 = 0');
      words.forEach((word, i) => qb.andWhere(`a.search_text LIKE :q${i}`, { [`q${i}`]: `%${escapeLike(word)}%` }));
    }
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.updatedSince) qb.andWhere('a.updated_at >= :updatedSince', { updatedSince: query.updatedSince });
    if (query.counterpartyId) qb.andWhere('a.counterparty_id = :cp', { cp: query.counterpartyId });
    if (query.expiringWithinDays !== undefined) {
      qb.andWhere(`a.status IN ('signed', 'active', 'suspended')`).andWhere(
        'a.term_end BETWEEN :today::date AND :today::date + :days::int',
        { today, days: query.expiringWithinDays },
      );
    }
    if (query.cursor) qb.andWhere('a.id < :cid', { cid: decodeCursor(query.cursor, UUID_POSITION) });
    const rows = await qb
      .orderBy('a.id', 'DESC')
      .limit(query.limit + 1)
      .getMany();
    const items = rows.slice(0, query.limit);
    return { items, nextCursor: rows.length > query.limit ? encodeCursor(items[items.length - 1].id) : null };
  }
}

/** What `q` reads is derived from the number, title and counterparty name whenever the agreement is written. */
function indexForSearch(agreement: Agreement): void {
  agreement.searchText = agreementSearchText(agreement.number, agreement.title, agreement.counterpartyName);
}

/** A word taken literally by LIKE (backslash is PostgreSQL's default escape). */
function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}
