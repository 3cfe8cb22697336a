import type { ApprovalCommands, CampaignReport, Envelope } from '@concord/domain';
import type { z } from 'zod';
import type { CampaignFiguresRepository } from './campaign-report.repository';
import type { Peers } from './peers';

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
    private readonly figures: CampaignFiguresRepository,
    private readonly peers: Peers,
  ) {}

  async report(cmd: Envelope<z.infer<(typeof ApprovalCommands)['report']>>): Promise<CampaignReport> {
    // Asking tasking for the campaign is the permission check; the figures are read meanwhile and dropped if it refuses.
    const [campaign, { latest, by_day: byDay }] = await Promise.all([
      this.peers.campaign(cmd.actor, cmd.data.id),
      this.figures.of(cmd.data.id),
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
