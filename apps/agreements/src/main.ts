import { tracing } from './tracing';
import 'reflect-metadata';
import { runService } from '@concord/service-kit';
import { startAgreements } from './agreements.app';
import { loadAgreementsConfig } from './agreements.config';

runService('agreements', loadAgreementsConfig, startAgreements, tracing);
