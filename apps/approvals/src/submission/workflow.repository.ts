import type { DataSource, EntityManager } from 'typeorm';
import type { StageTemplate } from '@concord/domain';

/** A campaign's own review workflow (a campaign without one follows DEFAULT_WORKFLOW). */
export interface WorkflowRow {
  stages: StageTemplate[];
  updatedBy: string;
  updatedAt: Date;
}

/** The stages of a campaign's own workflow. */
export interface WorkflowStagesRow {
  stages: StageTemplate[];
}

/** A partner agency that consented to a workflow. */
export interface WorkflowConsentRow {
  agencyId: string;
}

/** When a consent was given. */
export interface ConsentGivenRow {
  givenAt: Date;
}

/** Campaigns' review workflows and partner agencies' consents to them, in PostgreSQL (submission.service.ts decides). */
export class WorkflowRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A campaign's own workflow, or undefined while it follows the default. */
  async of(campaignId: string): Promise<WorkflowRow | undefined> {
    const [row] = await this.dataSource.query<WorkflowRow[]>(
      'SELECT stages, updated_by AS "updatedBy", updated_at AS "updatedAt" FROM workflows WHERE campaign_id = $1',
      [campaignId],
    );
    return row;
  }

  /** The stages of a campaign's own workflow (undefined: the default), as the transaction reads them. */
  async stagesOf(manager: EntityManager, campaignId: string): Promise<WorkflowStagesRow | undefined> {
    const [row] = await manager.query<WorkflowStagesRow[]>('SELECT stages FROM workflows WHERE campaign_id = $1', [
      campaignId,
    ]);
    return row;
  }

  /** The stages of a campaign's own workflow (undefined: the default), locked until the transaction ends. */
  async lockStagesOf(manager: EntityManager, campaignId: string): Promise<WorkflowStagesRow | undefined> {
    const [row] = await manager.query<WorkflowStagesRow[]>(
      'SELECT stages FROM workflows WHERE campaign_id = $1 FOR UPDATE',
      [campaignId],
    );
    return row;
  }

  /** The agencies that consented to exactly these stages for a campaign. */
  consentsTo(manager: EntityManager, campaignId: string, stages: StageTemplate[]): Promise<WorkflowConsentRow[]> {
    return manager.query<WorkflowConsentRow[]>(
      'SELECT agency_id AS "agencyId" FROM workflow_consents WHERE campaign_id = $1 AND stages = $2::jsonb',
      [campaignId, JSON.stringify(stages)],
    );
  }

  /** Sets a campaign's workflow (replacing the one it had), by a user, now. */
  async set(manager: EntityManager, campaignId: string, stages: StageTemplate[], by: string): Promise<void> {
    await manager.query(
      `INSERT INTO workflows (campaign_id, stages, updated_by, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (campaign_id) DO UPDATE SET stages = EXCLUDED.stages, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [campaignId, JSON.stringify(stages), by],
    );
  }

  /** Records an agency's consent to these stages for a campaign (replacing its earlier one), by a user, now. */
  async recordConsent(
    manager: EntityManager,
    consent: { campaignId: string; agencyId: string; stages: StageTemplate[]; givenBy: string },
  ): Promise<ConsentGivenRow> {
    const [row] = await manager.query<ConsentGivenRow[]>(
      `INSERT INTO workflow_consents (campaign_id, agency_id, stages, given_by, given_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (campaign_id, agency_id) DO UPDATE SET stages = EXCLUDED.stages, given_by = EXCLUDED.given_by, given_at = EXCLUDED.given_at
         RETURNING given_at AS "givenAt"`,
      [consent.campaignId, consent.agencyId, JSON.stringify(consent.stages), consent.givenBy],
    );
    return row;
  }
}
