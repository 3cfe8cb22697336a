import { tracing } from './tracing';
import 'reflect-metadata';
import { runService } from '@concord/service-kit';
import { startRegistry } from './registry.app';
import { loadRegistryConfig } from './registry.config';

runService('registry', loadRegistryConfig, startRegistry, tracing);
