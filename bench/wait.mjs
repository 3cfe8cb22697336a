// Small waits the benchmarks share.

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolves with the first answer of a service to `subject` (e.g. its health check), retrying until `timeoutMs`. */
export async function untilAnswered(client, subject, actor, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await client.request(subject, {}, actor, { timeoutMs: 1000 });
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${subject} never answered: ${error.message}`);
      await sleep(250);
    }
  }
}
