import type { z } from 'zod';
import { DomainError, type FieldError } from './errors';

/** Zod issues as field errors with dotted paths. */
export function toFieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)',
    code: issue.code,
    message: issue.message,
  }));
}

/** Parses `value` with `schema`, or throws `validation.failed` naming every bad field. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, prefix = ''): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const errors = toFieldErrors(result.error, prefix);
    throw new DomainError('validation.failed', `The request is not valid: ${errors.map((e) => e.path).join(', ')}`, errors);
  }
  return result.data;
}
