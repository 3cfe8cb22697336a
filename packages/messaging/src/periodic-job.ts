/**
 * Runs `work` at start and then every `intervalMs` after the previous run
 * ended (never two at once); a failure is logged and retried next time.
 * Services use it for their calendars (agreements activating and expiring,
 * offers expiring).
 */
export class PeriodicJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;

  constructor(
    private readonly name: string,
    private readonly work: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly log: (message: string) => void,
  ) {}

  start(): void {
    this.stopped = false;
    const tick = () => {
      this.running = this.work()
        .catch((error: Error) => this.log(`${this.name}: ${error.message}; will retry`))
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.timer = setTimeout(tick, this.intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
