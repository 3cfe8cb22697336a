export * from './embedded-postgres';
export * from './data-source';
export * from './health';
export * from './postgres-as-root';
export * from './timeouts';
export * from './service-roles';
export * from './prepare-service-databases';
export * from './deferred-writes';
