import { describe, expect, it } from '@jest/globals';
import { InFlightBatcher } from './in-flight-batcher';

/** A `run` whose batches the test releases by hand, recording what each held. */
function controlledRun() {
  const batches: number[][] = [];
  const pending: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const run = (items: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push(items);
      pending.push({ resolve: () => resolve(items.map((i) => `done ${i}`)), reject });
    });
  return { batches, pending, run };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('InFlightBatcher', () => {
  it('sends an item at once when nothing is in flight, and what arrives meanwhile as one batch after it', async () => {
    const { batches, pending, run } = controlledRun();
    const batcher = new InFlightBatcher(run);
    const first = batcher.submit(1);
    expect(batches).toEqual([[1]]);
    const later = [batcher.submit(2), batcher.submit(3), batcher.submit(4)];
    expect(batches).toEqual([[1]]);
    pending[0]!.resolve();
    await expect(first).resolves.toBe('done 1');
    await settle();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    pending[1]!.resolve();
    await expect(Promise.all(later)).resolves.toEqual(['done 2', 'done 3', 'done 4']);
  });

  it('rejects every item of a failed batch with its error, and goes on with the next', async () => {
    const { batches, pending, run } = controlledRun();
    const batcher = new InFlightBatcher(run);
    const first = batcher.submit(1);
    const second = [batcher.submit(2), batcher.submit(3)];
    const failure = new Error('connection lost');
    pending[0]!.reject(failure);
    await expect(first).rejects.toBe(failure);
    await settle();
    pending[1]!.reject(failure);
    for (const s of second) await expect(s).rejects.toBe(failure);
    const third = batcher.submit(4);
    await settle();
    pending[2]!.resolve();
    await expect(third).resolves.toBe('done 4');
    expect(batches).toEqual([[1], [2, 3], [4]]);
  });

  it('rejects a batch whose statement answered another number of results than it had items', async () => {
    const batcher = new InFlightBatcher<number, number>(() => Promise.resolve([]));
    await expect(batcher.submit(1)).rejects.toThrow('a batch of 1 answered 0 results');
  });

  it('keeps batches within maxBatch and runs up to maxInFlight at once', async () => {
    const { batches, pending, run } = controlledRun();
    const batcher = new InFlightBatcher(run, { maxInFlight: 2, maxBatch: 2 });
    const all = [1, 2, 3, 4, 5, 6].map((i) => batcher.submit(i));
    expect(batches).toEqual([[1], [2]]);
    pending[0]!.resolve();
    await settle();
    expect(batches).toEqual([[1], [2], [3, 4]]);
    pending[1]!.resolve();
    await settle();
    expect(batches).toEqual([[1], [2], [3, 4], [5, 6]]);
    pending[2]!.resolve();
    pending[3]!.resolve();
    await expect(Promise.all(all)).resolves.toHaveLength(6);
  });
});
