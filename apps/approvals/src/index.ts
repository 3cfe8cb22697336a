export * from './approvals.app';
export * from './approvals.config';
export { createApprovalsDataSource, APPROVALS_SCHEMA } from './database/approvals-data-source';
