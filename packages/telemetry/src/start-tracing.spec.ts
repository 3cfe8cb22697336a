import { describe, expect, it } from '@jest/globals';
import { trace } from '@opentelemetry/api';
import { startTracing, tracingRequested } from './start-tracing';

// What the process does with what it is given: the OpenTelemetry variables an operator sets. (The traces themselves,
// across real processes, are proven by cluster/tracing.spec.ts.)
describe('whether a process traces', () => {
  it.each([
    [{}, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, true],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }, true],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' }, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: '' }, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'TRUE' }, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'false' }, true],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' }, false],
  ])('%j → %s', (env, expected) => {
    expect(tracingRequested(env as NodeJS.ProcessEnv)).toBe(expected);
  });

  it('starts nothing without an endpoint: spans stay no-ops and shutting down is harmless', async () => {
    const tracing = startTracing('registry', {});
    expect(tracing.enabled).toBe(false);
    const span = trace.getTracer('check').startSpan('nothing');
    expect(span.isRecording()).toBe(false);
    span.end();
    await expect(tracing.shutdown()).resolves.toBeUndefined();
  });
});
