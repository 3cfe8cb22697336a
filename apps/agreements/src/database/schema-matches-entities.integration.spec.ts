import { describe, it } from '@jest/globals';
import { assertEntitiesMatchMigrations } from '@concord/testing';
import { agreementsSchema } from './migrate-agreements';

/**
 * The migrations are what creates the schema; the entities are what TypeORM believes it is. After every migration on a
 * fresh database, TypeORM's schema builder (as the schema's owner) must want to change nothing: an index, a CHECK, a
 * foreign key's name, a default or a column one side has and the other lacks fails here, naming the statements.
 */
describe('the agreements schema', () => {
  it('is what the entities declare once every migration has run', async () => {
    await assertEntitiesMatchMigrations(agreementsSchema);
  });
});
