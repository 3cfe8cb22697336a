import type { DataSource } from 'typeorm';
import type { ApprovalCommands, CampaignReport, Envelope } from '@concord/domain';
import type { z } from 'zod';
import type { Peers } from './peers';

interface Latest {
  publication_id: string;
  platform: string;
  creator_id: string;
  creator_name: string;
  views: string | null;
  likes: string | null;
  comments: string | null;
  shares: string | null;
}

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
    const campaign = await this.peers.campaign(cmd.actor, cmd.data.id);
    const [latest, daily]: [Latest[], { publication_id: string; day: string; views: string; likes: string; comments: string; shares: string }[]] = await Promise.all([
      this.dataSource.query(
        `SELECT p.id AS publication_id, p.platform, p.creator_id, s.creator_name, lm.views, lm.likes, lm.comments, lm.shares
           FROM publications p JOIN submissions s ON s.id = p.submission_id
           LEFT JOIN LATERAL (SELECT views, likes, comments, shares FROM metrics WHERE publication_id = p.id ORDER BY at DESC LIMIT 1) lm ON true
          WHERE p.campaign_id = $1`,
        [cmd.data.id],
      ),
      // Counters are cumulative: a day's figure is the highest read that day.
      this.dataSource.query(
        `SELECT m.publication_id, to_char(date_trunc('day', m.at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day,
                max(m.views) AS views, max(m.likes) AS likes, max(m.comments) AS comments, max(m.shares) AS shares
           FROM metrics m JOIN publications p ON p.id = m.publication_id
          WHERE p.campaign_id = $1
          GROUP BY 1, 2 ORDER BY 2`,
        [cmd.data.id],
      ),
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
    // Each day: every publication's latest figure so far, summed (carried forward over days without a read).
    const days = [...new Set(daily.map((d) => d.day))].sort();
    const last = new Map<string, { views: number; likes: number; comments: number; shares: number }>();
    const byDay = days.map((day) => {
      for (const d of daily.filter((x) => x.day === day)) {
        last.set(d.publication_id, { views: Number(d.views), likes: Number(d.likes), comments: Number(d.comments), shares: Number(d.shares) });
      }
      const sum = { day, views: 0, likes: 0, comments: 0, shares: 0 };
      for (const f of last.values()) {
        sum.views += f.views;
        sum.likes += f.likes;
        sum.comments += f.comments;
        sum.shares += f.shares;
      }
      return sum;
    });
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
      byDay,
    };
  }
}
