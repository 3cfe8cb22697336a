import { startTracing } from '@concord/telemetry';

/** Started before anything else loads (main.ts imports it first) so that http and pg are instrumented (ADR 0028). */
export const tracing = startTracing('registry');
