export * from './gateway.app';
export * from './gateway.config';
export { DEV_USERS, type DevUser } from './auth/dev-users';
export { STATUS_OF } from './http/problem.filter';
export { migrateGatewayDatabase } from './database/migrate-gateway';
export { AuditCheckpointRepository } from './audit/audit-checkpoint.repository';
