import { schemaDrift, type ServiceSchema } from '@concord/database';
import { createServiceTestDatabase, testUrls } from './infrastructure';

/**
 * The statements TypeORM's schema builder would still run, as the schema's owner, to make a fresh database migrated
 * by every migration of the service match its entities: none when entities and migrations agree. Throws, naming
 * them, when there are some.
 */
export async function assertEntitiesMatchMigrations(service: ServiceSchema): Promise<void> {
  const database = await createServiceTestDatabase(testUrls().databaseUrl);
  await database.serviceUrl(service.schema, service.migrate);
  const { up } = await schemaDrift(service, database.schemas[service.schema].ownerUrl);
  if (up.length > 0) {
    throw new Error(
      'The entities and the migrations disagree. To make the database match the entities, TypeORM would run:\n' +
        up.map((statement) => `  ${statement};`).join('\n') +
        '\nDeclare in the entities what the migrations create, or add a migration ' +
        `(npm run migration:generate -w apps/${service.schema} -- <Name>: README, "Migrations").`,
    );
  }
}
