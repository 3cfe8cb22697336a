import type { FieldCode } from '../errors';
import { z } from 'zod';

/** Largest value an int4 column holds: counts, versions, indexes, followers. */
export const INT4_MAX = 2_147_483_647;
/** Largest whole number JavaScript counts exactly; bigint columns (đồng, reach) take at most this. */
export const BIGINT_MAX = Number.MAX_SAFE_INTEGER;

/** An integer an int4 column can hold, from `min` (default 0). */
export const Int = (min = 0, max = INT4_MAX) => z.number().int().min(min).max(max);
/** An integer a bigint column can hold and JavaScript counts exactly (money, reach). */
export const SafeInt = (min = 0, max = BIGINT_MAX) => z.number().int().min(min).max(max);
/** An integer from a query string, in the same ranges. */
export const QueryInt = (min = 0, max = INT4_MAX) => z.coerce.number().int().min(min).max(max);

export const IdParam = z.object({ id: z.uuid() });

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
};

/** A health probe (every service's `health.check` subject) and its answer when the service and its database are up. */
export const HealthCheck = z.object({});
export const HealthReply = z.object({ status: z.literal('ok'), database: z.literal('up') });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const ExpectedVersion = Int(1);

/** A query-string boolean: "true" / "false". */
export const QueryBoolean = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());

/** A calendar date, YYYY-MM-DD, in years 1900–9999 (what PostgreSQL and the calendar both hold). */
export const IsoDate = z.iso
  .date()
  .refine((d) => d >= '1900-01-01', { message: 'a date from 1900-01-01 on', abort: true });

/**
 * A point in time: ISO 8601 with `Z` or an offset (`2026-09-02T08:00:00+07:00`),
 * kept and answered in UTC (`2026-09-02T01:00:00.000Z`); a time in `Z` stays as written.
 */
export const DateTime = z.iso
  .datetime({ offset: true })
  .refine(
    (v) => {
      const t = Date.parse(v);
      return Number.isNaN(t) || (t >= Date.UTC(1900, 0, 1) && t < Date.UTC(10000, 0, 1));
    },
    { message: 'a time from 1900 to 9999', abort: true },
  )
  // Checks go on after a failed one: only a time that parses is rewritten.
  .overwrite((v) => (v.endsWith('Z') || Number.isNaN(Date.parse(v)) ? v : new Date(v).toISOString()));

/**
 * `updatedSince` on a list a partner's system polls (a change feed): only what was created or changed at or after this
 * time. Poll with the time your previous poll started, less a minute: a change committed while you read is then not
 * missed, and reading it twice is harmless (each object carries its version).
 */
export const UpdatedSince = DateTime.describe(
  'Only what was created or changed at or after this time (ISO 8601). Poll with the start of your previous poll, less a minute of overlap',
);

/** How a period that ends before it starts is refused: at its end, with the code `before_start`. */
export const BEFORE_START = {
  message: 'ends before it starts',
  params: { code: 'before_start' satisfies FieldCode },
} as const;

/** A period from `start` to `end` (both included); an `end` before its `start` is refused at `end`. */
function periodOf(point: z.ZodType<string, string>) {
  return z
    .object({ start: point, end: point })
    .refine((p: { start: string; end: string }) => Date.parse(p.start) <= Date.parse(p.end), {
      path: ['end'],
      ...BEFORE_START,
    });
}

/** A date period, e.g. a campaign's or an agreement's term. */
export const Period = periodOf(IsoDate);
/** A time window, e.g. a brief's. */
export const TimeWindow = periodOf(DateTime);
