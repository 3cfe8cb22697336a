// NATS (values for the official Helm chart) and PostgreSQL (a CloudNativePG
// Cluster): what Concord's durability and its bus and database permissions
// need of them (ADR 0013, 0015, issue 14).
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { KUBERNETES_DIR, named, readManifests, REPO_ROOT, SCHEMAS, validateManifest } from './manifests';
/* eslint-disable @typescript-eslint/no-explicit-any -- rendered YAML, read loosely: the schemas check its shape */

const values: any = parse(readFileSync(join(KUBERNETES_DIR, 'nats/values.yaml'), 'utf8'));
const secretTemplates = readManifests('provided/secrets.yaml');
const settings = named(readManifests('base/settings.yaml'), 'ConfigMap', 'concord-settings');

/** "2.12.6-alpine" → [2, 12, 6] */
const version = (tag: string) => tag.split('-')[0].split('.').map(Number);
const atLeast = (actual: number[], wanted: number[]) => {
  for (let i = 0; i < wanted.length; i += 1) {
    if ((actual[i] ?? 0) !== wanted[i]) return (actual[i] ?? 0) > wanted[i];
  }
  return true;
};

describe('NATS values (nats-io/k8s chart "nats")', () => {
  it('runs a cluster of three servers with JetStream on file storage, fsyncing every write', () => {
    expect(values.config.cluster).toMatchObject({ enabled: true, replicas: 3 });
    expect(values.config.jetstream.enabled).toBe(true);
    expect(values.config.jetstream.fileStore).toMatchObject({ enabled: true, pvc: { enabled: true } });
    expect(values.config.jetstream.memoryStore.enabled).toBe(false);
    expect(values.config.jetstream.merge.sync_interval).toBe('always');
  });

  it('keeps the event stream on every server of the cluster (NATS_STREAM_REPLICAS in the settings)', () => {
    expect(Number(settings.data.NATS_STREAM_REPLICAS)).toBe(values.config.cluster.replicas);
  });

  it('pins nats-server 2.12.3 or later', () => {
    const tag: string = values.container.image.tag;
    expect(tag).toMatch(/^\d+\.\d+\.\d+/);
    expect(atLeast(version(tag), [2, 12, 3])).toBe(true);
    expect(atLeast([2, 12, 2], [2, 12, 3])).toBe(false);
  });

  it('includes the authorization generated from the permission table, with every identity’s public key from the Secret', () => {
    expect(values.config.merge.$include).toBe('./authorization.conf');
    const authorization = readFileSync(join(REPO_ROOT, 'infra/nats/authorization.production.conf'), 'utf8');
    const variables = [...new Set([...authorization.matchAll(/\$([A-Z_]+_NATS_NKEY)\b/g)].map((m) => m[1]))];
    expect(variables.sort()).toEqual([
      'AGREEMENTS_NATS_NKEY',
      'APPROVALS_NATS_NKEY',
      'GATEWAY_NATS_NKEY',
      'REGISTRY_NATS_NKEY',
      'TASKING_NATS_NKEY',
    ]);
    const identities = named(secretTemplates, 'Secret', 'concord-nats-identities');
    for (const variable of variables) {
      expect(values.container.env[variable]).toEqual({
        valueFrom: { secretKeyRef: { name: 'concord-nats-identities', key: variable } },
      });
      expect(identities.stringData).toHaveProperty(variable, '');
    }
    // The services reach it as the release "nats" on the client port.
    expect(settings.data.NATS_URL).toBe(`nats://nats:${values.config.nats?.port ?? 4222}`);
  });

  it('keeps nats-box, which has no identity, out', () => {
    expect(values.natsBox.enabled).toBe(false);
  });
});

describe('PostgreSQL (CloudNativePG Cluster)', () => {
  const [cluster] = readManifests('postgres/cluster.yaml');

  it('matches the CloudNativePG schema', () => {
    expect(() => validateManifest(cluster)).not.toThrow();
    expect(() => validateManifest({ ...cluster, spec: { ...cluster.spec, instances: 'three' } })).toThrow(
      /Cluster concord-pg/,
    );
  });

  it('runs three instances with synchronous replication, one per node', () => {
    expect(cluster.spec.instances).toBe(3);
    expect(cluster.spec.postgresql.synchronous.number).toBeGreaterThanOrEqual(1);
    expect(cluster.spec.affinity).toMatchObject({ enablePodAntiAffinity: true, topologyKey: 'kubernetes.io/hostname' });
    expect(cluster.spec.enableSuperuserAccess).toBe(false);
  });

  it('makes each schema owned by its owner role, and both roles of every schema log in with the password from their Secret', () => {
    const sql: string[] = cluster.spec.bootstrap.initdb.postInitApplicationSQL;
    const roles: any[] = cluster.spec.managed.roles;
    for (const schema of SCHEMAS) {
      expect(sql).toContain(`CREATE SCHEMA ${schema} AUTHORIZATION concord_${schema}_owner`);
      for (const [role, secret] of [
        [`concord_${schema}`, `concord-db-${schema}`],
        [`concord_${schema}_owner`, `concord-db-${schema}-owner`],
      ]) {
        expect(roles.find((r) => r.name === role)).toMatchObject({
          ensure: 'present',
          login: true,
          passwordSecret: { name: secret },
        });
        const template = named(secretTemplates, 'Secret', secret);
        expect(template.type).toBe('kubernetes.io/basic-auth');
        expect(template.stringData.username).toBe(role);
      }
    }
    expect(roles).toHaveLength(SCHEMAS.length * 2);
    // The registry's search needs these (ADR 0005); only the administrator may create them.
    expect(sql).toEqual(
      expect.arrayContaining([
        'CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public',
        'CREATE EXTENSION IF NOT EXISTS fuzzystrmatch WITH SCHEMA public',
      ]),
    );
  });
});
