/**
 * Idempotency keys for writes: the same key while the body stays the same (a
 * retry after a lost answer returns the first result), a new key once it changes.
 */
export function createIdempotencyKeys(): (body: unknown) => string {
  let lastBody: string | undefined;
  let lastKey = '';
  return (body) => {
    const json = JSON.stringify(body);
    if (json !== lastBody) {
      lastBody = json;
      lastKey = randomKey();
    }
    return lastKey;
  };
}

function randomKey(): string {
  // crypto.randomUUID needs a secure context; getRandomValues works everywhere.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A write's request parameters: its `path` and the Idempotency-Key `useMutation` gave it. */
export function keyed<P extends Record<string, string | number>>(
  key: string,
  path: P,
): { path: P; header: { 'Idempotency-Key': string } } {
  return { path, header: { 'Idempotency-Key': key } };
}
