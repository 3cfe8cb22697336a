export * from './tasking.app';
export * from './tasking.config';
export { createTaskingDataSource, TASKING_SCHEMA } from './database/tasking-data-source';
export { migrateTaskingDatabase } from './database/migrate-tasking';
