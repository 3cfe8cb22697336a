import { SUBJECTS, type Actor } from '@concord/domain';
import type { ServiceClient } from '@concord/messaging';

/** A service that answers a health check. */
export type CheckedService = 'registry' | 'agreements' | 'approvals' | 'tasking';

/** Who asks a health check in tests (it needs no permission). */
const PROBE: Actor = { userId: 'test', orgId: 'mcst-ttcs', roles: [] };

/**
 * Resolves once `service` answers its health check: one just started (in this process or another) may not have its
 * subscription on the server yet. Fails with the last answer's error once `timeoutMs` has passed.
 */
export async function untilServiceAnswers(
  client: ServiceClient,
  service: CheckedService,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await client.request(SUBJECTS[service].health, {}, PROBE, { timeoutMs: 500 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
