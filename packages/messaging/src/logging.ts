import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { currentRequestId } from './request-context';
import { currentTraceId } from './tracing';

export type { Logger as PinoLogger, DestinationStream } from 'pino';

/**
 * What a log line never shows, wherever it sits in the logged object: credentials (the Authorization header, tokens,
 * cookies, keys, proofs), request and reply bodies, and a creator's personal data.
 */
export const LOG_REDACT_KEYS = [
  'authorization',
  'Authorization',
  'cookie',
  'set-cookie',
  'token',
  'accessToken',
  'password',
  'secret',
  'proof',
  'body',
  'payload',
  'data',
  'personalData',
  'nationalId',
  'legalName',
  'email',
  'phone',
  'address',
];

/** The pino paths of `LOG_REDACT_KEYS`: at the top, one level down and in headers (`req.headers.authorization`). */
export const LOG_REDACT_PATHS: string[] = LOG_REDACT_KEYS.flatMap((key) => {
  const at = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
  return [at.startsWith('.') ? key : at, `*${at}`, `*.headers${at}`];
});

export const REDACTED = '[redacted]';

export interface LogOptions {
  /** The process: `gateway`, `registry`, … (the `service` of every line). */
  service: string;
  /** LOG_LEVEL: `fatal` … `trace`, `silent`. */
  level?: string;
  /** Where the lines go: stdout unless given (a test gives a stream it reads). */
  destination?: DestinationStream;
}

/**
 * A process's logger: one JSON object a line on stdout, with `service`, ISO `time`, the level's name, and the
 * `requestId` of the request being handled, if any, and its `traceId` when the process traces (ADR 0028); what `LOG_REDACT_PATHS` names is replaced by `[redacted]`.
 */
export function createLogger({ service, level = 'info', destination }: LogOptions): Logger {
  const options: LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: LOG_REDACT_PATHS, censor: REDACTED },
    mixin: () => {
      const requestId = currentRequestId();
      const traceId = currentTraceId();
      return { ...(requestId ? { requestId } : {}), ...(traceId ? { traceId } : {}) };
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
