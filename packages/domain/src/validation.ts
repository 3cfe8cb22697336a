import type { z } from 'zod';
import { DomainError, FIELD_CODES, type FieldCode, type FieldError } from './errors';
import { unsafeTextErrors } from './text/unsafe-text';

const isFieldCode = (code: unknown): code is FieldCode => (FIELD_CODES as readonly unknown[]).includes(code);

/** A refinement may name its own code (`params.code`, one of `RULE_FIELD_CODES`, e.g. `before_start`); others keep zod's. */
function codeOf(issue: z.core.$ZodIssue): FieldCode {
  const own = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
  if (isFieldCode(own)) return own;
  if (own !== undefined)
    throw new Error(`A refinement names the field code ${JSON.stringify(own)}, which FIELD_CODES lacks`);
  return isFieldCode(issue.code) ? issue.code : 'custom';
}

/** Zod issues as field errors with dotted paths. */
export function toFieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  const pathOf = (path: PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.') || '(root)';
  return error.issues.flatMap((issue): FieldError[] =>
    // An unknown field is named by its own path, one error each.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: pathOf([...issue.path, key]),
          code: issue.code,
          message: `Unknown field ${key}`,
        }))
      : [{ path: pathOf(issue.path), code: codeOf(issue), message: issue.message }],
  );
}

/**
 * Parses `value` with `schema`, or throws `validation.failed` naming every bad
 * field. Every contract goes through here, so here (once) any text with NUL
 * or a lone surrogate is refused, whatever the field.
 */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, prefix = ''): z.infer<T> {
  const unsafe = unsafeTextErrors(value, prefix);
  const result = schema.safeParse(value);
  if (unsafe.length > 0 || !result.success) {
    const flagged = new Set(unsafe.map((e) => e.path));
    const errors = [
      ...unsafe,
      ...(result.success ? [] : toFieldErrors(result.error, prefix).filter((e) => !flagged.has(e.path))),
    ];
    throw new DomainError(
      'validation.failed',
      `The request is not valid: ${errors.map((e) => e.path).join(', ')}`,
      errors,
    );
  }
  return result.data;
}
