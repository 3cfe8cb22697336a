import {
  auditPublicKey,
  ExportedLink,
  SignedCheckpointSchema,
  TrailVerifier,
  type SignedCheckpoint,
  type TrailVerdict,
} from '@concord/domain';
import { z } from 'zod';

/** What `GET /v1/public/audit/checkpoints` answers (or a plain array of checkpoints). */
const CheckpointsFile = z.union([
  z.object({ checkpoints: z.array(SignedCheckpointSchema) }),
  z.array(SignedCheckpointSchema),
]);
/**
 * What `GET /v1/public/audit/keys` answers: `{ service: [base64 Ed25519 public key, …] }`, oldest first (a single
 * string, as answered before keys could be rotated, is one key).
 */
const KeysFile = z.record(z.string(), z.union([z.string().transform((key) => [key]), z.array(z.string()).min(1)]));

export function parseCheckpoints(json: unknown): SignedCheckpoint[] {
  const parsed = CheckpointsFile.parse(json);
  return Array.isArray(parsed) ? parsed : parsed.checkpoints;
}

export function parseKeys(json: unknown): Record<string, string[]> {
  return KeysFile.parse(json);
}

/** The lines of an export (`GET /v1/audit/export`), each checked against the link's schema; blank lines are skipped. */
export function parseExport(ndjson: string): ExportedLink[] {
  return ndjson
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = ExportedLink.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`line ${i + 1} of the export is not an audit link: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

/**
 * Checks an exported trail as an outside inspector would, with nothing but
 * the export, the published checkpoints and the services' public keys: per
 * service, every link in order, every digest of the facts the export holds,
 * every signature, and the chain against each checkpoint (a chain shorter
 * than a signed checkpoint was cut). Every service that has a key, a link or
 * a checkpoint gets a verdict.
 */
export function verifyExport(
  links: readonly ExportedLink[],
  checkpoints: readonly SignedCheckpoint[],
  keys: Record<string, readonly string[]>,
): TrailVerdict[] {
  const services = [
    ...new Set([...Object.keys(keys), ...links.map((l) => l.service), ...checkpoints.map((c) => c.service)]),
  ].sort();
  return services.map((service) => {
    const verifier = new TrailVerifier(service, (keys[service] ?? []).map(auditPublicKey), checkpoints);
    for (const link of links) {
      if (link.service !== service) continue;
      const facts = link.gone ? null : link.facts;
      if (
        !verifier.push({
          seq: link.seq,
          digest: link.digest,
          prevHash: link.prevHash,
          hash: link.hash,
          signature: link.signature,
          facts,
        })
      )
        break;
    }
    return verifier.verdict();
  });
}
