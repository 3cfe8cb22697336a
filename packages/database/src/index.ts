export * from './embedded-postgres';
export * from './data-source';
export * from './health';
export * from './timeouts';
