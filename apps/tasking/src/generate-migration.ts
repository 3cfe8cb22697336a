// Writes a migration from the entities: `npm run migration:generate -w apps/tasking -- <Name> [timestamp]` (README, "Migrations").
import 'reflect-metadata';
import { join } from 'node:path';
import { runMigrationGenerator } from '@concord/database';
import { taskingSchema } from './database/migrate-tasking';

runMigrationGenerator(taskingSchema, join(__dirname, '..'));
