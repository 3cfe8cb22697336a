import { tracing } from './tracing';
import 'reflect-metadata';
import { runService } from '@concord/service-kit';
import { startApprovals } from './approvals.app';
import { loadApprovalsConfig } from './approvals.config';

runService('approvals', loadApprovalsConfig, startApprovals, tracing);
