export * from './approvals.app';
export * from './approvals.config';
export { createApprovalsDataSource, APPROVALS_SCHEMA } from './database/approvals-data-source';
export { reviewQueueQuery } from './submission/review-queue.service';
export { REPORT_BY_DAY_SQL, REPORT_LATEST_SQL } from './submission/campaign-report.service';
