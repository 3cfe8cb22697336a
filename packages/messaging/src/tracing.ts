import {
  context,
  INVALID_SPAN_CONTEXT,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
} from '@opentelemetry/api';

/**
 * Traces across processes (ADR 0028). This module speaks only the OpenTelemetry API: with no SDK started in the
 * process (no OTLP endpoint configured, `@concord/telemetry`) every call here is a no-op and envelopes carry no trace.
 * With one, each request through NATS is a client span in the sender and a server span in the service, joined by the
 * W3C `traceparent` the envelope carries; an event carries the trace of the request that recorded it, and a
 * consumer's work on it joins that trace.
 */

const tracer = () => trace.getTracer('@concord/messaging');

/** The span attribute naming the request id (ADR 0025), so that a trace can be found from what support was told. */
export const REQUEST_ID_ATTRIBUTE = 'concord.request_id';

/** The id of the trace being recorded here, if any (log lines carry it). */
export function currentTraceId(): string | undefined {
  const span = trace.getActiveSpan();
  return span?.isRecording() ? span.spanContext().traceId : undefined;
}

/** The trace fields for an envelope sent from the current context: none when nothing is being traced. */
export function traceFieldsOfCurrentContext(): { traceparent?: string; tracestate?: string } {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  if (!carrier.traceparent) return {};
  return carrier.tracestate
    ? { traceparent: carrier.traceparent, tracestate: carrier.tracestate }
    : { traceparent: carrier.traceparent };
}

/** The context a received envelope continues: its trace's, else a new root. */
export function contextOfEnvelope(envelope: unknown): Context {
  const fields = envelope as { traceparent?: unknown; tracestate?: unknown } | null;
  if (typeof fields?.traceparent !== 'string') return ROOT_CONTEXT;
  const carrier: Record<string, string> = { traceparent: fields.traceparent };
  if (typeof fields.tracestate === 'string') carrier.tracestate = fields.tracestate;
  return propagation.extract(ROOT_CONTEXT, carrier);
}

/** Attributes every NATS span carries. */
function natsAttributes(subject: string, requestId: string | undefined) {
  return {
    'messaging.system': 'nats',
    'messaging.destination.name': subject,
    ...(requestId ? { [REQUEST_ID_ATTRIBUTE]: requestId } : {}),
  };
}

/**
 * Runs `work` in a client span for a request on `subject` when a trace is being recorded here; the span ends when `work` settles, as an error when it
 * throws with an `outcome` that is not the caller's fault (see `endSpan`).
 */
export async function inClientSpan<T>(
  subject: string,
  requestId: string | undefined,
  work: () => Promise<T>,
  outcomeOfError: (error: unknown) => string,
): Promise<T> {
  // Only as part of a trace: a health check's or a background loop's request alone would be a trace of one span.
  if (!trace.getSpan(context.active())) return work();
  return tracer().startActiveSpan(
    `${subject} request`,
    { kind: SpanKind.CLIENT, attributes: natsAttributes(subject, requestId) },
    async (span) => {
      try {
        const result = await work();
        endSpan(span, 'ok');
        return result;
      } catch (error) {
        endSpan(span, outcomeOfError(error));
        throw error;
      }
    },
  );
}

const HEALTH_CHECK = /\.health\.check$/;

/** Starts the server span of a NATS request received with `envelope`; the caller runs the handler in `context`. */
export function startServerSpan(
  subject: string,
  envelope: unknown,
  requestId: string | undefined,
): { span: Span; context: Context } {
  const parent = contextOfEnvelope(envelope);
  // A health check that is part of no trace (a probe, the system page) would be a trace of its own every few seconds.
  if (!trace.getSpan(parent) && HEALTH_CHECK.test(subject)) {
    const span = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);
    return { span, context: trace.setSpan(parent, span) };
  }
  const span = tracer().startSpan(
    subject,
    { kind: SpanKind.SERVER, attributes: natsAttributes(subject, requestId) },
    parent,
  );
  return { span, context: trace.setSpan(parent, span) };
}

/**
 * Runs `work` (a consumer applying `event`) in a consumer span that joins the trace of the request that recorded it,
 * when the event carries one.
 */
export async function inConsumerSpan<T>(
  consumer: string,
  event: { type: string; correlationId?: string },
  work: () => Promise<T>,
): Promise<T> {
  const parent = contextOfEnvelope(event);
  // Only as part of a trace: an event a background job recorded (a checkpoint, an expiry) starts none.
  if (!trace.getSpan(parent)) return work();
  const span = tracer().startSpan(
    `${event.type} process`,
    {
      kind: SpanKind.CONSUMER,
      attributes: { ...natsAttributes(event.type, event.correlationId), 'messaging.consumer.group.name': consumer },
    },
    parent,
  );
  try {
    const result = await context.with(trace.setSpan(parent, span), work);
    endSpan(span, 'ok');
    return result;
  } catch (error) {
    endSpan(span, 'internal');
    throw error;
  }
}

/** Outcomes that are the service's failure, not a refusal of what the caller asked. */
const FAILURES = new Set(['internal', 'service.unavailable', 'service.outcome_unknown', 'timeout', 'no_responders']);

/** Ends `span` with its outcome (`ok`, or a problem code): an error status only for a failure, not for a refusal. */
export function endSpan(span: Span, outcome: string): void {
  span.setAttribute('concord.outcome', outcome);
  if (FAILURES.has(outcome)) span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
  span.end();
}

/** Names the active HTTP server span after the route's pattern (`GET /v1/creators/:id`) and tags its request id. */
export function nameHttpSpan(method: string, route: string | null, requestId: string): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  if (route) {
    span.updateName(`${method} ${route}`);
    span.setAttribute('http.route', route);
  }
  span.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
}
