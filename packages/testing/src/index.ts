export { freePort } from '@concord/database';
export * from './infrastructure';
export * from './event-collector';
export * from './rejection';
export * from './fixtures';
export * from './actor-keys';
export * from './schema-drift';
export * from './service-config';
export * from './service-answers';
