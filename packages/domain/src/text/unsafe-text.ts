import type { FieldError } from '../errors';

/** NUL, or a UTF-16 surrogate without its other half: text PostgreSQL cannot store and no person typed. */
// eslint-disable-next-line no-control-regex -- NUL is what this finds
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isUnsafeText(text: string): boolean {
  return UNSAFE.test(text);
}

/**
 * Every string in `value` (object keys included) that holds NUL or a lone
 * surrogate, as a field error at its dotted path.
 */
export function unsafeTextErrors(value: unknown, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  const visit = (v: unknown, path: string[], depth: number): void => {
    if (typeof v === 'string') {
      if (isUnsafeText(v))
        errors.push({
          path: [prefix, ...path].filter(Boolean).join('.') || '(root)',
          code: 'unsafe_text',
          message: 'Text must not contain NUL or unpaired surrogate characters',
        });
    } else if (v !== null && typeof v === 'object' && depth < 32 && !ArrayBuffer.isView(v)) {
      for (const [key, child] of Object.entries(v)) {
        if (isUnsafeText(key)) {
          errors.push({
            path: [prefix, ...path].filter(Boolean).join('.') || '(root)',
            code: 'unsafe_text',
            message: 'A field name must not contain NUL or unpaired surrogate characters',
          });
        } else {
          visit(child, [...path, key], depth + 1);
        }
      }
    }
  };
  visit(value, [], 0);
  return errors;
}
