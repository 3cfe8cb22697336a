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
 * A campaign's reach in one pass over its metrics (exported for the benchmark, which runs the same SQL directly):
 * - `latest`: each publication with its latest figures (counters are cumulative: the highest of its last day);
 * - `by_day`: each day, every publication's latest figure so far, summed. A day's figure is the highest read that
 *   day; the growth over the publication's previous day, summed over publications and accumulated over days, is
 *   that sum (publications without a read that day carry their last figure).
 */
export const REPORT_SQL = `WITH daily AS (
     SELECT m.publication_id, (m.at AT TIME ZONE 'UTC')::date AS day,
            max(m.views) AS views, max(m.likes) AS likes, max(m.comments) AS comments, max(m.shares) AS shares
       FROM metrics m JOIN publications p ON p.id = m.publication_id
      WHERE p.campaign_id = $1
      GROUP BY 1, 2
   ), growth AS (
     SELECT day,
            views - COALESCE(lag(views) OVER w, 0) AS views, likes - COALESCE(lag(likes) OVER w, 0) AS likes,
            comments - COALESCE(lag(comments) OVER w, 0) AS comments, shares - COALESCE(lag(shares) OVER w, 0) AS shares
       FROM daily WINDOW w AS (PARTITION BY publication_id ORDER BY day)
   ), latest AS (
     SELECT DISTINCT ON (publication_id) publication_id, views, likes, comments, shares FROM daily ORDER BY publication_id, day DESC
   )
   SELECT
     (SELECT COALESCE(json_agg(x), '[]') FROM (
        SELECT p.platform, p.creator_id, s.creator_name, l.views, l.likes, l.comments, l.shares
          FROM publications p JOIN submissions s ON s.id = p.submission_id LEFT JOIN latest l ON l.publication_id = p.id
         WHERE p.campaign_id = $1) x) AS latest,
     (SELECT COALESCE(json_agg(d ORDER BY d.day), '[]') FROM (
        SELECT to_char(day, 'YYYY-MM-DD') AS day,
               sum(sum(views)) OVER (ORDER BY day) AS views, sum(sum(likes)) OVER (ORDER BY day) AS likes,
               sum(sum(comments)) OVER (ORDER BY day) AS comments, sum(sum(shares)) OVER (ORDER BY day) AS shares
          FROM growth GROUP BY day) d) AS by_day`;

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
      this.dataSource.query(REPORT_SQL, [cmd.data.id]) as Promise<{ latest: Latest[]; by_day: { day: string; views: number; likes: number; comments: number; shares: number }[] }[]>,
    ]);
    const totals = zero();
    const byPlatform = new Map<string, Totals>();
    const byCreator = new Map<string, Totals & { creatorName: string }>();
    for (const l of latest) {
      const figures = { views: Number(l.views ?? 0), likes: Number(l.likes ?? 0), comments: Number(l.comments ?? 0), shares: Number(l.shares ?? 0) };
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
      byPlatform: [...byPlatform.entries()].map(([platform, t]) => ({ platform, ...t })).sort((a, b) => b.views - a.views),
      byCreator: [...byCreator.entries()].map(([creatorId, t]) => ({ creatorId, ...t })).sort((a, b) => b.views - a.views),
      byDay: byDay.map((d) => ({ day: d.day, views: Number(d.views), likes: Number(d.likes), comments: Number(d.comments), shares: Number(d.shares) })),
    };
  }
}
