/**
 * Turns many small statements into few: an item submitted while no batch is
 * in flight goes at once, alone; items submitted while one is in flight wait
 * for it and then go together, as one batch. At a low rate nothing waits
 * longer than it would have; under load a statement carries as many items as
 * arrived during the last one's round trip, so the round trips (each ≈ 0.1 ms
 * of the caller's CPU and as much of PostgreSQL's) stop growing with the rate.
 *
 * `run` receives the items of one batch and answers one result per item, in
 * their order; if it throws, every item of that batch is rejected with the
 * error. Batches never hold more than `maxBatch` items; `maxInFlight` batches
 * may run at once (each takes one connection of the pool).
 */
export class InFlightBatcher<I, O> {
  private readonly waiting: { item: I; resolve: (out: O) => void; reject: (error: unknown) => void }[] = [];
  private inFlight = 0;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly options: { maxInFlight?: number; maxBatch?: number } = {},
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    const maxInFlight = this.options.maxInFlight ?? 1;
    const maxBatch = this.options.maxBatch ?? 500;
    while (this.inFlight < maxInFlight && this.waiting.length) {
      const batch = this.waiting.splice(0, maxBatch);
      this.inFlight++;
      void this.runBatch(batch);
    }
  }

  private async runBatch(batch: InFlightBatcher<I, O>['waiting']): Promise<void> {
    try {
      const outs = await this.run(batch.map((b) => b.item));
      if (outs.length !== batch.length) throw new Error(`a batch of ${batch.length} answered ${outs.length} results`);
      batch.forEach((b, i) => b.resolve(outs[i]));
    } catch (error) {
      for (const b of batch) b.reject(error);
    } finally {
      this.inFlight--;
      this.dispatch();
    }
  }
}
