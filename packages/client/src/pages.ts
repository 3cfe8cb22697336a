/** A page of a Concord list: its items and the cursor of the next page (null on the last). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** What a typed client call answers: the page, or the problem. */
export interface PageAnswer<T> {
  data?: Page<T>;
  error?: unknown;
  response: Response;
}

/** A list read that failed: the problem+json body the API answered, and its status. */
export class ConcordError extends Error {
  constructor(
    readonly status: number,
    readonly problem: unknown,
  ) {
    const code = (problem as { code?: unknown } | null)?.code;
    super(`Concord answered ${status}${typeof code === 'string' ? ` ${code}` : ''}`);
    this.name = 'ConcordError';
  }
}

/**
 * Every item of a cursor-paged list, page after page, read as they are needed:
 *
 *   for await (const creator of eachItem((cursor) => api.GET('/v1/creators', { params: { query: { cursor } } }))) …
 *
 * A page that fails throws a ConcordError with the API's problem.
 */
export async function* eachItem<T>(read: (cursor: string | undefined) => Promise<PageAnswer<T>>): AsyncGenerator<T> {
  let cursor: string | undefined;
  for (;;) {
    const { data, error, response } = await read(cursor);
    if (!data) throw new ConcordError(response.status, error);
    yield* data.items;
    if (!data.nextCursor) return;
    cursor = data.nextCursor;
  }
}
