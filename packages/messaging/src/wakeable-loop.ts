import { outsideAnyRequest } from './request-context';

/**
 * Runs `tick` every `pollMs` after the previous run ended, and sooner when
 * woken: `wake()` at once, `wake(withinMs)` no later than that (wakes within
 * that time share one run). A wake during a run means one more run after it,
 * at once or within the time asked. Never two runs at once; `stop()` waits for
 * the run in flight. The outbox relay, the audit sequencer and the fan-out
 * runner poll with it.
 */
export class WakeableLoop {
  private timer: NodeJS.Timeout | null = null;
  /** When the scheduled run is due (ms since 1970), while one is scheduled. */
  private dueAt = 0;
  private running: Promise<void> | null = null;
  /** Within how long to run again after the run in flight (null: at the poll interval). */
  private againWithin: number | null = null;
  private stopped = true;

  constructor(
    private readonly tick: () => Promise<void>,
    private readonly pollMs: number,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  wake(withinMs = 0): void {
    if (this.stopped) return;
    if (this.running) {
      this.againWithin = Math.min(this.againWithin ?? withinMs, withinMs);
      return;
    }
    if (this.timer && this.dueAt <= Date.now() + withinMs) return;
    this.schedule(withinMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = Date.now() + delay;
    // Woken by a commit inside a request, the loop still works for no request in particular (ADR 0025).
    this.timer = outsideAnyRequest(() =>
      setTimeout(() => {
        this.timer = null;
        this.running = this.tick().finally(() => {
          this.running = null;
          const again = this.againWithin;
          this.againWithin = null;
          this.schedule(again ?? this.pollMs);
        });
      }, delay),
    );
  }
}
