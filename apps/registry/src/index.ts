export * from './registry.app';
export * from './registry.config';
export { createRegistryDataSource, REGISTRY_SCHEMA } from './database/registry-data-source';
export { PersonalDataCipher } from './creator/personal-data.cipher';
export { migrateRegistryDatabase } from './database/migrate-registry';
