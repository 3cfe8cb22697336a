import type { IncomingMessage } from 'node:http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/** A process's tracing: stopped once, after the process has closed, so that the last spans are sent. */
export interface Tracing {
  /** Whether spans are recorded and exported (an OTLP endpoint is configured). */
  readonly enabled: boolean;
  /** Sends what is buffered and stops. */
  shutdown(): Promise<void>;
}

/** Paths whose requests are not traced: probes and scrapes arrive every few seconds and say nothing about users. */
const UNTRACED_PATHS = /^\/(health|metrics)(\/|$|\?)/;

/**
 * Whether `env` asks for traces: an OTLP endpoint (`OTEL_EXPORTER_OTLP_ENDPOINT`, or
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` for traces alone), and neither `OTEL_SDK_DISABLED=true` nor
 * `OTEL_TRACES_EXPORTER=none`. The OpenTelemetry environment variables are the configuration: the exporter reads its
 * endpoint, headers and timeouts from them, the batch processor `OTEL_BSP_*`.
 */
export function tracingRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  if (env.OTEL_TRACES_EXPORTER?.trim().toLowerCase() === 'none') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

/** What a span says of a request's query. */
export const REDACTED_QUERY = '[redacted]';

/**
 * Starts tracing for the process `name` (`gateway`, `registry`, …) when `env` asks for it (ADR 0028): an OTLP/HTTP
 * exporter in batches, the W3C Trace Context propagator, and the HTTP (incoming requests at the gateway) and `pg`
 * (every query) instrumentations. It must run before `pg`, `http` and the frameworks are loaded, so each `main.ts`
 * imports its `tracing.ts` first. Without an endpoint nothing is loaded into the process's request path: the
 * OpenTelemetry API stays a no-op.
 */
export function startTracing(name: string, env: NodeJS.ProcessEnv = process.env): Tracing {
  if (!tracingRequested(env)) return { enabled: false, shutdown: () => Promise.resolve() };
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      'service.name': env.OTEL_SERVICE_NAME?.trim() || `concord-${name}`,
      'service.namespace': 'concord',
      ...(env.CONCORD_ENV ? { 'deployment.environment.name': env.CONCORD_ENV } : {}),
    }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED_PATHS.test(request.url ?? ''),
        // A query may hold search terms, and traces are kept longer than requests: its values stay out of the span
        // (the gateway names the span after the route's pattern, ADR 0028).
        startIncomingSpanHook: (request: IncomingMessage) =>
          request.url?.includes('?') ? { 'url.query': REDACTED_QUERY } : {},
      }),
      // Statements, never their parameters (which hold personal data): the instrumentation's default.
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
    ],
  });
  let stopped: Promise<void> | null = null;
  return {
    enabled: true,
    shutdown: () => (stopped ??= provider.shutdown().catch(() => undefined)),
  };
}
