import { DataSource } from 'typeorm';
import { auditPublicKey, EVENTS } from '@concord/domain';
import { OutboxRelay } from '@concord/messaging';
import { AuditEvidence, type AuditEvidenceOptions } from './audit-evidence';
import { AuditReader } from './audit-reader';

export interface AuditProviderSettings {
  /** CONCORD_AUDIT_KEY_<SERVICE>: the service's Ed25519 seed (a throwaway key, with a warning, when unset). */
  signingKey: string | undefined;
  /** CONCORD_AUDIT_RETIRED_KEYS_<SERVICE>: the public keys it signed with before, oldest first (still verified). */
  retiredKeys: readonly string[];
  sequenceMs: number;
  checkpointMs: number;
  log: (message: string) => void;
}

/**
 * A service's audit providers for its Nest module: the evidence (sequencer
 * and checkpointer, publishing through the service's outbox relay) and the
 * reader that verifies with the same key (and the keys it replaced). Needs `DataSource` and
 * `OutboxRelay` among the module's providers.
 */
export function auditProviders(service: AuditEvidenceOptions['service'], settings: AuditProviderSettings) {
  return [
    {
      provide: AuditEvidence,
      useFactory: (dataSource: DataSource, relay: OutboxRelay) =>
        new AuditEvidence({
          dataSource,
          service,
          signingKey: settings.signingKey,
          checkpointSubject: EVENTS[service].auditCheckpointed,
          wakeRelay: () => relay.wake(),
          sequenceMs: settings.sequenceMs,
          checkpointMs: settings.checkpointMs,
          log: settings.log,
        }),
      inject: [DataSource, OutboxRelay],
    },
    {
      provide: AuditReader,
      useFactory: (dataSource: DataSource, evidence: AuditEvidence) =>
        new AuditReader(dataSource, service, [...settings.retiredKeys.map(auditPublicKey), evidence.key.publicKey]),
      inject: [DataSource, AuditEvidence],
    },
  ];
}
