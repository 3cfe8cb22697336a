import type { DataSource } from 'typeorm';
import { auditSigningKey, type AuditSigningKey, type SignedCheckpoint } from '@concord/domain';
import { PeriodicJob, recordEvent, WakeableLoop } from '@concord/messaging';
import { generateKeyPairSync } from 'node:crypto';
import { AuditCheckpointer, ownCheckpoints, type CheckpointSubject } from './audit-checkpoints';
import { AuditSequencer, chainTail, pendingEntries } from './audit-sequencer';

export interface AuditEvidenceOptions {
  dataSource: DataSource;
  service: 'registry' | 'agreements' | 'tasking' | 'approvals';
  /** The service's Ed25519 signing key: its 32-byte seed, base64 (CONCORD_AUDIT_KEY_<SERVICE>). */
  signingKey: string | undefined;
  /** Where the service's checkpoints are published (EVENTS.<service>.auditCheckpointed). */
  checkpointSubject: CheckpointSubject;
  /** Wakes the outbox relay, so a checkpoint is published at once. */
  wakeRelay: () => void;
  sequenceMs: number;
  checkpointMs: number;
  log: (message: string) => void;
}

/**
 * A service's evidence: the sequencer that links its queued audit entries
 * (woken after each commit, and polled every `sequenceMs` for what another
 * instance or a crash left) and the checkpointer that signs and
 * publishes its chain every `checkpointMs`.
 */
export class AuditEvidence {
  readonly key: AuditSigningKey;
  readonly sequencer: AuditSequencer;
  readonly checkpointer: AuditCheckpointer;
  private readonly loop: WakeableLoop;
  private readonly job: PeriodicJob;

  constructor(private readonly options: AuditEvidenceOptions) {
    this.key = options.signingKey ? auditSigningKey(options.signingKey) : throwawayKey(options);
    this.sequencer = new AuditSequencer(options.dataSource, options.service, this.key);
    this.checkpointer = new AuditCheckpointer(
      options.dataSource,
      options.service,
      this.key,
      options.checkpointSubject,
      (m, subject, actor, data) => recordEvent(m, subject, actor, data),
    );
    this.loop = new WakeableLoop(
      () =>
        this.sequencer.integrate().then(
          () => undefined,
          (e: Error) => options.log(`audit sequencer: ${e.message}; will retry`),
        ),
      options.sequenceMs,
    );
    this.job = new PeriodicJob('audit checkpoint', () => this.checkpoint(), options.checkpointMs, options.log);
  }

  start(): void {
    this.loop.start();
    this.job.start();
  }

  async stop(): Promise<void> {
    await this.job.stop();
    await this.loop.stop();
  }

  /** Links what is queued: at once, or within `withinMs` (right after a write: writes in that time share one run). */
  wake(withinMs = 0): void {
    this.loop.wake(withinMs);
  }

  /**
   * Links everything queued and signs a checkpoint of it now (tests and
   * operators need not wait for the interval); answers the latest checkpoint.
   */
  async settle(): Promise<SignedCheckpoint | null> {
    // The periodic sequencer may hold the chain's lock at this moment (then nothing is linked or signed here): try
    // until every committed entry is linked and the latest checkpoint covers the whole chain.
    for (let attempt = 1; ; attempt += 1) {
      await this.sequencer.integrate();
      await this.checkpoint();
      const { dataSource, service } = this.options;
      const [pending, tail, [latest]] = await Promise.all([
        pendingEntries(dataSource),
        chainTail(dataSource),
        ownCheckpoints(dataSource, service, 1),
      ]);
      if ((pending === 0 && (latest?.size ?? 0) >= (tail?.seq ?? 0)) || attempt === SETTLE_ATTEMPTS)
        return latest ?? null;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async checkpoint(): Promise<SignedCheckpoint | null> {
    const signed = await this.checkpointer.checkpoint();
    if (signed) this.options.wakeRelay();
    return signed;
  }
}

/** How many times `settle` tries before it answers with what it has (≈ 10 s of a busy machine). */
const SETTLE_ATTEMPTS = 200;

/** Without a configured key (tests, a first run): a key for this process only, and a warning, since no verifier can know it. */
function throwawayKey(options: AuditEvidenceOptions): AuditSigningKey {
  options.log(
    `CONCORD_AUDIT_KEY_${options.service.toUpperCase()} is not set: signing the audit trail with a throwaway key; ` +
      'its checkpoints cannot be checked by anyone else (npm start generates one; production must configure it)',
  );
  const { privateKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32);
  return auditSigningKey(seed.toString('base64'));
}
