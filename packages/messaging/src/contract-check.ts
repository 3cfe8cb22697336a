import type { z } from 'zod';

/**
 * Jest sets NODE_ENV to `test`: there every reply and every event is checked against its schema in the contract map,
 * so a message that drifts from the contract fails the test that produced it instead of reaching a consumer.
 */
export const CHECK_CONTRACTS = process.env.NODE_ENV === 'test';

/** Fails when `value`, as it travels (JSON), does not match `schema`; `what` names it in the error. */
export function assertMatchesContract(schema: z.ZodType, value: unknown, what: string): void {
  const wire: unknown = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  const result = schema.safeParse(wire);
  if (result.success) return;
  const issues = result.error.issues.map((i) => `${i.path.join('.') || '(whole)'}: ${i.message}`).join('; ');
  const message = `${what} does not match its contract: ${issues}`;
  // Tests silence Nest's logger; the console shows which message broke the contract even where the error is caught.
  console.error(message);
  throw new Error(message);
}
