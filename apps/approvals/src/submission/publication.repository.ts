import type { DataSource, EntityManager } from 'typeorm';

/** A publication's id. */
export interface PublicationIdRow {
  id: string;
}

/** A publication, as its reach is reported against it. */
export interface PublicationRefRow {
  id: string;
  submissionId: string;
}

/** A new publication of approved content: where and when it went out, recorded by whom. */
export interface NewPublication {
  id: string;
  submissionId: string;
  campaignId: string;
  creatorId: string;
  platform: string;
  url: string;
  publishedAt: string;
  recordedBy: string;
}

/** One reading of a publication's (cumulative) counters; the counters are bigint, so strings. */
export interface ReadingRow {
  at: Date;
  views: string;
  likes: string;
  comments: string;
  shares: string;
}

/** A reading of a publication's counters to store, with the reason when it corrects earlier figures. */
export interface NewReading {
  publicationId: string;
  at: string;
  views: number;
  likes: number;
  comments: number;
  shares: number;
  reportedBy: string;
  correctionReason: string | null;
}

/** A submission's publication with its latest reading (the reading's columns are null while it has none). */
export interface PublicationWithLatestRow {
  id: string;
  submissionId: string;
  platform: string;
  url: string;
  publishedAt: Date;
  recordedBy: string;
  metricsAt: Date | null;
  views: string | null;
  likes: string | null;
  comments: string | null;
  shares: string | null;
}

/** Publications and their reach over time (metrics) in PostgreSQL; submission.service.ts decides what may be written. */
export class PublicationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The publication recorded for a submission, if any (there is at most one). */
  recordedFor(manager: EntityManager, submissionId: string): Promise<PublicationIdRow[]> {
    return manager.query<PublicationIdRow[]>('SELECT id FROM publications WHERE submission_id = $1', [submissionId]);
  }

  /** Stores a publication. */
  async insert(manager: EntityManager, p: NewPublication): Promise<void> {
    await manager.query(
      `INSERT INTO publications (id, submission_id, campaign_id, creator_id, platform, url, published_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [p.id, p.submissionId, p.campaignId, p.creatorId, p.platform, p.url, p.publishedAt, p.recordedBy],
    );
  }

  /** A publication locked until the transaction ends, so two readings of it are compared one after the other. */
  async lockForReading(manager: EntityManager, id: string): Promise<PublicationRefRow | undefined> {
    const [row] = await manager.query<PublicationRefRow[]>(
      'SELECT id, submission_id AS "submissionId" FROM publications WHERE id = $1 FOR UPDATE',
      [id],
    );
    return row;
  }

  /** A publication's latest reading at or before a moment. */
  async readingAtOrBefore(manager: EntityManager, publicationId: string, at: string): Promise<ReadingRow | undefined> {
    const [row] = await manager.query<ReadingRow[]>(
      'SELECT at, views, likes, comments, shares FROM metrics WHERE publication_id = $1 AND at <= $2 ORDER BY at DESC LIMIT 1',
      [publicationId, at],
    );
    return row;
  }

  /** A publication's first reading after a moment. */
  async readingAfter(manager: EntityManager, publicationId: string, at: string): Promise<ReadingRow | undefined> {
    const [row] = await manager.query<ReadingRow[]>(
      'SELECT at, views, likes, comments, shares FROM metrics WHERE publication_id = $1 AND at > $2 ORDER BY at LIMIT 1',
      [publicationId, at],
    );
    return row;
  }

  /** Stores a reading (replacing one at the same moment). */
  async recordReading(manager: EntityManager, r: NewReading): Promise<void> {
    await manager.query(
      `INSERT INTO metrics (publication_id, at, views, likes, comments, shares, reported_by, correction_reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (publication_id, at) DO UPDATE SET views = EXCLUDED.views, likes = EXCLUDED.likes, comments = EXCLUDED.comments, shares = EXCLUDED.shares,
           reported_by = EXCLUDED.reported_by, correction_reason = EXCLUDED.correction_reason`,
      [r.publicationId, r.at, r.views, r.likes, r.comments, r.shares, r.reportedBy, r.correctionReason],
    );
  }

  /** A submission's publication with its latest reading (undefined while none is recorded). */
  async withLatestReadingOf(
    manager: EntityManager,
    submissionId: string,
  ): Promise<PublicationWithLatestRow | undefined> {
    const [row] = await manager.query<PublicationWithLatestRow[]>(
      `SELECT p.id, p.submission_id AS "submissionId", p.platform, p.url, p.published_at AS "publishedAt", p.recorded_by AS "recordedBy",
              lm.at AS "metricsAt", lm.views, lm.likes, lm.comments, lm.shares
         FROM publications p
         LEFT JOIN LATERAL (SELECT * FROM metrics WHERE publication_id = p.id ORDER BY at DESC LIMIT 1) lm ON true
        WHERE p.submission_id = $1`,
      [submissionId],
    );
    return row;
  }
}
