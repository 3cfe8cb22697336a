// Writes a migration from the entities: `npm run migration:generate -w apps/approvals -- <Name> [timestamp]` (README, "Migrations").
import 'reflect-metadata';
import { join } from 'node:path';
import { runMigrationGenerator } from '@concord/database';
import { approvalsSchema } from './database/migrate-approvals';

runMigrationGenerator(approvalsSchema, join(__dirname, '..'));
