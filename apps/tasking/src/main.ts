import { tracing } from './tracing';
import 'reflect-metadata';
import { runService } from '@concord/service-kit';
import { startTasking } from './tasking.app';
import { loadTaskingConfig } from './tasking.config';

runService('tasking', loadTaskingConfig, startTasking, tracing);
