import { statementsMigration } from '@concord/database';
import { MESSAGING_RETENTION_DDL, MESSAGING_RETENTION_DOWN } from '@concord/messaging';

/** Processed commands (now scoped per user) and published outbox rows are pruned after their retention: indexes for that. */
export const MessagingRetention1764200000010 = statementsMigration(
  'MessagingRetention1764200000010',
  MESSAGING_RETENTION_DDL,
  MESSAGING_RETENTION_DOWN,
);
