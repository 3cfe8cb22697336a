import type { DataSource } from 'typeorm';
import type { ApprovalCommands, CampaignReport, Envelope } from '@concord/domain';
import type { z } from 'zod';
import type { Peers } from './peers';

interface Latest {
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

type Totals = CampaignReport['totals'];
const zero = (): Totals => ({ publications: 0, views: 0, likes: 0, comments: 0, shares: 0 });
const add = (t: Totals, r: { views: number; likes: number; comments: number; shares: number }) => {
  t.publications += 1;
  t.views += r.views;
  t.likes += r.likes;
  t.comments += r.comments;
  t.shares += r.shares;
};

/**
 * A campaign's reach: the latest figures of each publication, per platform,
 * per creator and per day, against the campaign's targets. Whoever may see
 * the campaign (its agency, its partners) may see its report.
 */
export class CampaignReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly peers: Peers,
  ) {}

  async report(cmd: Envelope<z.infer<(typeof ApprovalCommands)['report']>>): Promise<CampaignReport> {
    // Asking tasking for the campaign is the permission check; the figures are read meanwhile and dropped if it refuses.
    const [campaign, [{ latest, by_day: byDay }]] = await Promise.all([
      this.peers.campaign(cmd.actor, cmd.data.id),
      this.dataSource.query<
        {
          latest: Latest[];
          by_day: { day: string; views: number; likes: number; comments: number; shares: number }[];
        }[]
      >(REPORT_SQL, [cmd.data.id]),
    ]);
    const totals = zero();
    const byPlatform = new Map<string, Totals>();
    const byCreator = new Map<string, Totals & { creatorName: string }>();
    for (const l of latest) {
      const figures = {
        views: Number(l.views ?? 0),
        likes: Number(l.likes ?? 0),
        comments: Number(l.comments ?? 0),
        shares: Number(l.shares ?? 0),
      };
      add(totals, figures);
      if (!byPlatform.has(l.platform)) byPlatform.set(l.platform, zero());
      add(byPlatform.get(l.platform)!, figures);
      if (!byCreator.has(l.creator_id)) byCreator.set(l.creator_id, { ...zero(), creatorName: l.creator_name });
      add(byCreator.get(l.creator_id)!, figures);
    }
    const targets = { views: campaign.targets.views ?? null, publications: campaign.targets.publications ?? null };
    return {
      campaignId: cmd.data.id,
      generatedAt: new Date().toISOString(),
      totals,
      targets,
      progress: {
        views: targets.views ? totals.views / targets.views : null,
        publications: targets.publications ? totals.publications / targets.publications : null,
      },
      byPlatform: [...byPlatform.entries()]
        .map(([platform, t]) => ({ platform, ...t }))
        .sort((a, b) => b.views - a.views),
      byCreator: [...byCreator.entries()]
        .map(([creatorId, t]) => ({ creatorId, ...t }))
        .sort((a, b) => b.views - a.views),
      byDay: byDay.map((d) => ({
        day: d.day,
        views: Number(d.views),
        likes: Number(d.likes),
        comments: Number(d.comments),
        shares: Number(d.shares),
      })),
    };
  }
}
