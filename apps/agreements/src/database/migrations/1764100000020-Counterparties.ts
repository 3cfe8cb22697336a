import { statementsMigration } from '@concord/database';
import { INBOX_DDL } from '@concord/messaging';

/**
 * The agreements service's copy of what it needs to know about the registry's
 * creators to draft an agreement (name, kind, status), fed by the registry's
 * events, and the consumers' inbox. Each of name and status keeps the time of
 * the event that set it, so an older event never overwrites a newer one.
 */
export const Counterparties1764100000020 = statementsMigration(
  'Counterparties1764100000020',
  [
    ...INBOX_DDL,
    `
      CREATE TABLE counterparties (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        display_name text NOT NULL,
        name_at timestamptz NOT NULL,
        status text NOT NULL,
        status_at timestamptz NOT NULL
      )`,
  ],
  ['DROP TABLE counterparties', 'DROP TABLE inbox'],
);
