export * from './approvals.app';
export * from './approvals.config';
export { createApprovalsDataSource, APPROVALS_SCHEMA } from './database/approvals-data-source';
export { reviewQueueQuery } from './submission/review-queue.repository';
export { REPORT_SQL } from './submission/campaign-report.repository';
export { migrateApprovalsDatabase } from './database/migrate-approvals';
