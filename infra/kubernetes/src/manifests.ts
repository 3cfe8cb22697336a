import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import * as coreV1 from 'kubernetes-models/v1';
import * as appsV1 from 'kubernetes-models/apps/v1';
import * as batchV1 from 'kubernetes-models/batch/v1';
import * as policyV1 from 'kubernetes-models/policy/v1';
import * as autoscalingV2 from 'kubernetes-models/autoscaling/v2';
import * as networkingV1 from 'kubernetes-models/networking.k8s.io/v1';
import * as cnpgV1 from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1';

/** infra/kubernetes: where its tests run (npm test -w, turbo), or below the repository's root. */
export const KUBERNETES_DIR = existsSync(join(process.cwd(), 'overlays/production'))
  ? process.cwd()
  : join(process.cwd(), 'infra/kubernetes');
/** The repository's root. */
export const REPO_ROOT = join(KUBERNETES_DIR, '..', '..');

export const APPS = ['gateway', 'registry', 'agreements', 'tasking', 'approvals'] as const;
export const SERVICES = ['registry', 'agreements', 'tasking', 'approvals'] as const;
export const SCHEMAS = APPS;

// Loose shapes for reading rendered manifests; the schemas check them properly.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [key: string]: any;
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Every YAML document of a stream, parsed; a YAML error fails. */
export function parseManifests(text: string): Manifest[] {
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join('\n'));
      return doc.toJS() as Manifest | null;
    })
    .filter((doc): doc is Manifest => doc !== null);
}

export function readManifests(relativePath: string): Manifest[] {
  return parseManifests(readFileSync(join(KUBERNETES_DIR, relativePath), 'utf8'));
}

type ModelClass = new (data: object) => { validate(): void };
const MODELS: Record<string, Record<string, unknown>> = {
  v1: coreV1,
  'apps/v1': appsV1,
  'batch/v1': batchV1,
  'policy/v1': policyV1,
  'autoscaling/v2': autoscalingV2,
  'networking.k8s.io/v1': networkingV1,
  'postgresql.cnpg.io/v1': cnpgV1,
};

/**
 * Checks a manifest against the schema of its apiVersion and kind (the
 * Kubernetes OpenAPI schemas in `kubernetes-models`, CloudNativePG's CRD in
 * `@kubernetes-models/cloudnative-pg`). Throws naming the object and what is
 * wrong; a kind we hold no schema for is an error too.
 */
export function validateManifest(manifest: Manifest): void {
  const name = `${manifest.kind} ${manifest.metadata?.name ?? '(no name)'}`;
  const Model = MODELS[manifest.apiVersion]?.[manifest.kind] as ModelClass | undefined;
  if (!Model) throw new Error(`${name}: no schema for apiVersion ${manifest.apiVersion}, kind ${manifest.kind}`);
  try {
    new Model(manifest).validate();
  } catch (error) {
    throw new Error(`${name} (${manifest.apiVersion}) does not match its schema: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

export function named(manifests: Manifest[], kind: string, name: string): Manifest {
  const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
  if (!found)
    throw new Error(`no ${kind} ${name} among ${manifests.map((m) => `${m.kind}/${m.metadata.name}`).join(', ')}`);
  return found;
}

/** Whether a label selector's matchLabels all hold for these labels (matchExpressions are not used here). */
export function selects(
  selector:
    | {
        matchLabels?: Record<string, string>;
        matchExpressions?: { key: string; operator: string; values?: string[] }[];
      }
    | undefined,
  labels: Record<string, string>,
): boolean {
  const expressionHolds = ({ key, operator, values = [] }: { key: string; operator: string; values?: string[] }) => {
    const value = labels[key];
    if (operator === 'In') return value !== undefined && values.includes(value);
    if (operator === 'NotIn') return value === undefined || !values.includes(value);
    if (operator === 'Exists') return value !== undefined;
    if (operator === 'DoesNotExist') return value === undefined;
    throw new Error(`unknown selector operator ${operator}`);
  };
  return (
    Object.entries(selector?.matchLabels ?? {}).every(([key, value]) => labels[key] === value) &&
    (selector?.matchExpressions ?? []).every(expressionHolds)
  );
}
