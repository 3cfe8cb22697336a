/** The error a promise rejects with; fails the test if it resolves. */
export async function rejection<E = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error('expected the request to fail');
}

/**
 * A value the contract refuses, sent on purpose to see it refused. The typed client (`request(subject, data)`)
 * takes only what a subject's schema accepts; a test of bad input says so here, so such values stand out.
 */
export function outsideContract<T>(value: unknown): T {
  return value as T;
}
