import type { DataSource } from 'typeorm';

export interface Latest {
  platform: string;
  creator_id: string;
  creator_name: string;
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
}

/**
 * A campaign's reach in one pass over its metrics (exported for the benchmark, which runs the same SQL directly).
 * Counters are cumulative, so nothing is added up over time:
 * - `daily`: each publication's last reading of each day (a correction later that day replaces the figures before it);
 * - `latest`: each publication's latest reading (what its `latestMetrics` shows);
 * - `by_day`: every day from the first reading to the last, each publication's latest reading by the end of that day,
 *   summed. It is computed as each publication's change over its previous day's reading, summed per day and
 *   accumulated over days, so a day without a reading carries the last figures and the last day equals the totals.
 */
export const REPORT_SQL = `WITH daily AS (
     SELECT DISTINCT ON (m.publication_id, (m.at AT TIME ZONE 'UTC')::date)
            m.publication_id, (m.at AT TIME ZONE 'UTC')::date AS day, m.views, m.likes, m.comments, m.shares
       FROM metrics m JOIN publications p ON p.id = m.publication_id
      WHERE p.campaign_id = $1
      ORDER BY m.publication_id, (m.at AT TIME ZONE 'UTC')::date, m.at DESC
   ), growth AS (
     SELECT day,
            views - COALESCE(lag(views) OVER w, 0) AS views, likes - COALESCE(lag(likes) OVER w, 0) AS likes,
            comments - COALESCE(lag(comments) OVER w, 0) AS comments, shares - COALESCE(lag(shares) OVER w, 0) AS shares
       FROM daily WINDOW w AS (PARTITION BY publication_id ORDER BY day)
   ), latest AS (
     SELECT DISTINCT ON (publication_id) publication_id, views, likes, comments, shares FROM daily ORDER BY publication_id, day DESC
   ), days AS (
     SELECT generate_series(min(day), max(day), interval '1 day')::date AS day FROM daily
   )
   SELECT
     (SELECT COALESCE(json_agg(x), '[]') FROM (
        SELECT p.platform, p.creator_id, s.creator_name, l.views, l.likes, l.comments, l.shares
          FROM publications p JOIN submissions s ON s.id = p.submission_id LEFT JOIN latest l ON l.publication_id = p.id
         WHERE p.campaign_id = $1) x) AS latest,
     (SELECT COALESCE(json_agg(d ORDER BY d.day), '[]') FROM (
        SELECT to_char(days.day, 'YYYY-MM-DD') AS day,
               sum(COALESCE(sum(g.views), 0)) OVER w AS views, sum(COALESCE(sum(g.likes), 0)) OVER w AS likes,
               sum(COALESCE(sum(g.comments), 0)) OVER w AS comments, sum(COALESCE(sum(g.shares), 0)) OVER w AS shares
          FROM days LEFT JOIN growth g ON g.day = days.day GROUP BY days.day WINDOW w AS (ORDER BY days.day)) d) AS by_day`;

/** A campaign's figures as REPORT_SQL reads them: each publication's latest, and the campaign's per day. */
export interface CampaignFigures {
  latest: Latest[];
  by_day: { day: string; views: number; likes: number; comments: number; shares: number }[];
}

/** The campaign report's read (campaign-report.service.ts adds it up against the targets). */
export class CampaignFiguresRepository {
  constructor(private readonly dataSource: DataSource) {}

  async of(campaignId: string): Promise<CampaignFigures> {
    const [figures] = await this.dataSource.query<CampaignFigures[]>(REPORT_SQL, [campaignId]);
    return figures;
  }
}
