import { statementsMigration } from '@concord/database';

/** Briefs: what to make within a campaign, in what quantity, for what fee. */
export const Briefs1764200000002 = statementsMigration(
  'Briefs1764200000002',
  [
    `
      CREATE TABLE briefs (
        id uuid PRIMARY KEY,
        campaign_id uuid NOT NULL REFERENCES campaigns (id),
        kind text NOT NULL CHECK (kind IN ('short_video', 'post', 'livestream', 'article')),
        title text NOT NULL,
        key_messages jsonb NOT NULL,
        platforms jsonb NOT NULL,
        languages jsonb NOT NULL,
        due_at timestamptz NOT NULL,
        quantity int NOT NULL CHECK (quantity > 0),
        fee_per_deliverable bigint NOT NULL CHECK (fee_per_deliverable >= 0),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    'CREATE INDEX briefs_campaign ON briefs (campaign_id, due_at)',
  ],
  ['DROP TABLE briefs'],
);
