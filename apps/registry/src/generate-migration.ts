// Writes a migration from the entities: `npm run migration:generate -w apps/registry -- <Name> [timestamp]` (README, "Migrations").
import 'reflect-metadata';
import { join } from 'node:path';
import { runMigrationGenerator } from '@concord/database';
import { registrySchema } from './database/migrate-registry';

runMigrationGenerator(registrySchema, join(__dirname, '..'));
