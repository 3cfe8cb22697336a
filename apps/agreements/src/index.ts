export * from './agreements.app';
export * from './agreements.config';
export { createAgreementsDataSource, AGREEMENTS_SCHEMA } from './database/agreements-data-source';
export { migrateAgreementsDatabase } from './database/migrate-agreements';
