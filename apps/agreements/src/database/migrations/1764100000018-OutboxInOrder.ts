import { statementsMigration } from '@concord/database';
import { OUTBOX_ORDERED_DDL, OUTBOX_ORDERED_DOWN } from '@concord/messaging';

/** The relay's index in the order it reads (see OUTBOX_ORDERED_DDL): each poll reads about what it publishes. */
export const OutboxInOrder1764100000018 = statementsMigration(
  'OutboxInOrder1764100000018',
  OUTBOX_ORDERED_DDL,
  OUTBOX_ORDERED_DOWN,
);
