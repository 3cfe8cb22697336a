export * from './embedded-postgres';
export * from './data-source';
export * from './health';
export * from './postgres-as-root';
export * from './timeouts';
