import { Logger } from '@nestjs/common';
import { PeriodicJob } from '@concord/messaging';
import type { AgreementService } from './agreement.service';

/** Runs the agreements' calendar moves (activation on the start date, expiry) at start and then every `intervalMs`. */
export class AgreementCalendar extends PeriodicJob {
  constructor(agreements: AgreementService, intervalMs: number) {
    const logger = new Logger('AgreementCalendar');
    super(
      'calendar',
      () => agreements.runDueTransitions(),
      intervalMs,
      (m) => logger.warn(m),
    );
  }
}
