// Writes a migration from the entities: `npm run migration:generate -w apps/agreements -- <Name> [timestamp]` (README, "Migrations").
import 'reflect-metadata';
import { join } from 'node:path';
import { runMigrationGenerator } from '@concord/database';
import { agreementsSchema } from './database/migrate-agreements';

runMigrationGenerator(agreementsSchema, join(__dirname, '..'));
