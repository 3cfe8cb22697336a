import type { KeyObject } from 'node:crypto';
import { auditPublicKey } from '@concord/domain';
import type { GatewayConfig } from '../gateway.config';

export const AUDITED_SERVICES = ['registry', 'agreements', 'tasking', 'approvals'] as const;
export type AuditedService = (typeof AUDITED_SERVICES)[number];

/** The services' audit public keys, oldest first, as configured at the gateway (never taken from the services themselves). */
export class AuditKeys {
  readonly raw: Partial<Record<AuditedService, readonly string[]>>;
  private readonly keys = new Map<string, readonly KeyObject[]>();

  constructor(config: GatewayConfig) {
    this.raw = {
      registry: config.CONCORD_AUDIT_PUBLIC_KEY_REGISTRY,
      agreements: config.CONCORD_AUDIT_PUBLIC_KEY_AGREEMENTS,
      tasking: config.CONCORD_AUDIT_PUBLIC_KEY_TASKING,
      approvals: config.CONCORD_AUDIT_PUBLIC_KEY_APPROVALS,
    };
    for (const service of AUDITED_SERVICES) {
      const raw = this.raw[service];
      if (raw?.length) this.keys.set(service, raw.map(auditPublicKey));
    }
  }

  of(service: string): readonly KeyObject[] | null {
    return this.keys.get(service) ?? null;
  }

  /** What `GET /v1/public/audit/keys` answers and the offline verifier reads: `{ service: [base64 Ed25519 public key] }`. */
  published(): Record<string, readonly string[]> {
    return Object.fromEntries(Object.entries(this.raw).filter(([, v]) => v?.length));
  }
}
