import { statementsMigration } from '@concord/database';

/**
 * A partner agency's consent to a joint campaign's review workflow that
 * leaves out (some of) its review: given by one of its users for exactly
 * those stages; the owning agency may then set that workflow.
 */
export const WorkflowConsents1764300000005 = statementsMigration(
  'WorkflowConsents1764300000005',
  [
    `
      CREATE TABLE workflow_consents (
        campaign_id uuid NOT NULL,
        agency_id text NOT NULL,
        stages jsonb NOT NULL,
        given_by text NOT NULL,
        given_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (campaign_id, agency_id)
      )`,
  ],
  ['DROP TABLE workflow_consents'],
);
