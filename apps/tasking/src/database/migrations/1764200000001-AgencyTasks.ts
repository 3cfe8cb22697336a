import { statementsMigration } from '@concord/database';

/** Agency tasks: one agency asks another for a piece of work. */
export const AgencyTasks1764200000001 = statementsMigration(
  'AgencyTasks1764200000001',
  [
    `
      CREATE TABLE agency_tasks (
        id uuid PRIMARY KEY,
        from_agency_id text NOT NULL,
        to_agency_id text NOT NULL,
        campaign_id uuid NULL REFERENCES campaigns (id),
        title text NOT NULL,
        description text NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL,
        history jsonb NOT NULL,
        version int NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    'CREATE INDEX agency_tasks_to ON agency_tasks (to_agency_id, status, due_at)',
    'CREATE INDEX agency_tasks_from ON agency_tasks (from_agency_id, status, due_at)',
  ],
  ['DROP TABLE agency_tasks'],
);
