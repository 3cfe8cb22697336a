import { Logger } from '@nestjs/common';
import type { AgreementService } from './agreement.service';

/** Runs the agreements' calendar moves at start and then every `intervalMs`. */
export class AgreementCalendar {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private readonly logger = new Logger('AgreementCalendar');

  constructor(
    private readonly agreements: AgreementService,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    const tick = () => {
      this.running = this.agreements
        .runDueTransitions()
        .catch((error: Error) => this.logger.warn(`calendar: ${error.message}; will retry`))
        .finally(() => {
          this.running = null;
          if (this.timer !== null) this.timer = setTimeout(tick, this.intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
