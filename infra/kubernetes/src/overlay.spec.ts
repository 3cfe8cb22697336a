// The production overlay as an operator would apply it: rendered with
// `kubectl kustomize` (installed with apt-get when missing, as root on
// Debian), every object checked against its Kubernetes schema, then what
// issue 14 asks of it, checked on the rendered objects.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { kustomize } from './kubectl';
import {
  APPS,
  KUBERNETES_DIR,
  type Manifest,
  named,
  parseManifests,
  readManifests,
  REPO_ROOT,
  SCHEMAS,
  SERVICES,
  selects,
  validateManifest,
} from './manifests';
/* eslint-disable @typescript-eslint/no-explicit-any -- rendered YAML, read loosely: the schemas check its shape */

const NATS_PODS = { 'app.kubernetes.io/name': 'nats', 'app.kubernetes.io/component': 'nats' };
const POSTGRES_PODS = { 'cnpg.io/cluster': 'concord-pg' };

let rendered: Manifest[];
const secretTemplates = readManifests('provided/secrets.yaml');
const publicTemplate = named(readManifests('provided/public.yaml'), 'ConfigMap', 'concord-public');

beforeAll(() => {
  rendered = parseManifests(kustomize(join(KUBERNETES_DIR, 'overlays/production')));
}, 600_000);

const of = (kind: string) => rendered.filter((m) => m.kind === kind);
const podSpec = (workload: Manifest): any => workload.spec.template.spec;
const podLabels = (workload: Manifest): Record<string, string> => workload.spec.template.metadata.labels;
const containersOf = (workload: Manifest): any[] => [
  ...(podSpec(workload).initContainers ?? []),
  ...podSpec(workload).containers,
];
const workloads = () => [...of('Deployment'), ...of('Job')];

/** Every env entry of a workload's containers that reads a Secret or a ConfigMap key. */
function references(workload: Manifest, source: 'secretKeyRef' | 'configMapKeyRef') {
  return containersOf(workload).flatMap((c) =>
    (c.env ?? [])
      .filter((e: any) => e.valueFrom?.[source])
      .map((e: any) => ({ variable: e.name, ...e.valueFrom[source] })),
  );
}

describe('the production overlay', () => {
  it('renders, and every object matches its Kubernetes schema', () => {
    expect(rendered.length).toBeGreaterThan(20);
    for (const manifest of rendered) expect(() => validateManifest(manifest)).not.toThrow();
    expect(rendered.every((m) => m.metadata.namespace === 'concord')).toBe(true);
  });

  it('the schema check refuses a broken object (so the check above can fail)', () => {
    const deployment = structuredClone(named(rendered, 'Deployment', 'registry'));
    deployment.spec.template.spec.containers[0].resources.limits = 'a lot';
    expect(() => validateManifest(deployment)).toThrow(/Deployment registry/);
    expect(() => validateManifest({ ...deployment, kind: 'Deploymnet' })).toThrow(/no schema/);
  });

  it('runs every app from the one image, each with its own entry point', () => {
    const images = new Set(workloads().flatMap((w) => containersOf(w).map((c) => c.image)));
    expect(images).toEqual(new Set(['registry.example.gov.vn/concord/concord:0.1.0']));
    for (const app of APPS) {
      const [container] = podSpec(named(rendered, 'Deployment', app)).containers;
      expect(container.command).toEqual(['node', `/app/apps/${app}/dist/main.js`]);
      expect(existsSync(join(REPO_ROOT, 'apps', app, 'src/main.ts'))).toBe(true);
    }
  });

  it('gives every Deployment and the migration Job probes, requests and limits, no root and a read-only root filesystem', () => {
    expect(
      of('Deployment')
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual([...APPS].sort());
    for (const workload of workloads()) {
      const pod = podSpec(workload);
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(pod.securityContext.runAsUser).not.toBe(0);
      expect(pod.automountServiceAccountToken).toBe(false);
      const tmp = pod.volumes.find((v: any) => v.emptyDir);
      for (const container of containersOf(workload)) {
        const where = `${workload.kind} ${workload.metadata.name}, container ${container.name}`;
        expect({ where, ro: container.securityContext?.readOnlyRootFilesystem }).toEqual({ where, ro: true });
        expect({ where, escalate: container.securityContext?.allowPrivilegeEscalation }).toEqual({
          where,
          escalate: false,
        });
        expect({ where, drop: container.securityContext?.capabilities?.drop }).toEqual({ where, drop: ['ALL'] });
        for (const kind of ['requests', 'limits']) {
          expect({
            where,
            kind,
            cpu: !!container.resources?.[kind]?.cpu,
            memory: !!container.resources?.[kind]?.memory,
          }).toEqual({ where, kind, cpu: true, memory: true });
        }
        // The only writable place: /tmp, an emptyDir.
        expect(container.volumeMounts).toEqual([{ name: tmp.name, mountPath: '/tmp' }]);
        if (workload.kind === 'Deployment') {
          expect({ where, readiness: !!container.readinessProbe, liveness: !!container.livenessProbe }).toEqual({
            where,
            readiness: true,
            liveness: true,
          });
        }
      }
    }
  });

  it('probes the gateway on its health endpoints and the services with the probe the image carries', () => {
    const [gateway] = podSpec(named(rendered, 'Deployment', 'gateway')).containers;
    const http = gateway.ports.find((p: any) => p.name === 'http');
    expect(http.containerPort).toBe(3000);
    expect(gateway.env).toContainEqual({ name: 'PORT', value: '3000' });
    // Liveness: the process only. Readiness: the pod's own PostgreSQL and NATS, never the services (one down must not empty the Service).
    expect(gateway.startupProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
    expect(gateway.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
    expect(gateway.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
    for (const service of SERVICES) {
      const [container] = podSpec(named(rendered, 'Deployment', service)).containers;
      expect(container.livenessProbe.exec.command).toEqual(['node', '/app/infra/kubernetes/service-probe.mjs', 'live']);
      expect(container.readinessProbe.exec.command).toEqual([
        'node',
        '/app/infra/kubernetes/service-probe.mjs',
        'ready',
      ]);
    }
    expect(existsSync(join(KUBERNETES_DIR, 'service-probe.mjs'))).toBe(true);
  });

  it('gives each app a PodDisruptionBudget and a HorizontalPodAutoscaler that keep at least two pods', () => {
    for (const app of APPS) {
      const deployment = named(rendered, 'Deployment', app);
      const pdbs = of('PodDisruptionBudget').filter((p) => selects(p.spec.selector, podLabels(deployment)));
      expect(pdbs.map((p) => p.metadata.name)).toEqual([app]);
      expect(pdbs[0].spec.maxUnavailable).toBe(1);
      const hpas = of('HorizontalPodAutoscaler').filter(
        (h) => h.spec.scaleTargetRef.kind === 'Deployment' && h.spec.scaleTargetRef.name === app,
      );
      expect(hpas).toHaveLength(1);
      expect(hpas[0].spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(hpas[0].spec.maxReplicas).toBeGreaterThan(hpas[0].spec.minReplicas);
      // The autoscaler alone sets the number of pods: an apply does not reset it.
      expect(deployment.spec.replicas).toBeUndefined();
      // The selector the PDB uses is the Deployment's own.
      expect(selects(deployment.spec.selector, podLabels(deployment))).toBe(true);
    }
  });

  describe('network policies', () => {
    const policiesFor = (labels: Record<string, string>) =>
      of('NetworkPolicy').filter((p) => selects(p.spec.podSelector, labels));
    const isolated = (labels: Record<string, string>, type: 'Ingress' | 'Egress') =>
      policiesFor(labels).some((p) => p.spec.policyTypes.includes(type));
    const ingressRules = (labels: Record<string, string>) => policiesFor(labels).flatMap((p) => p.spec.ingress ?? []);
    const egressRules = (labels: Record<string, string>) => policiesFor(labels).flatMap((p) => p.spec.egress ?? []);

    /** What an egress rule lets out: 'nats', 'postgres', 'dns', 'traces' (OTLP to monitoring) or something else, named. */
    function destination(rule: any): string {
      const ports = (rule.ports ?? [])
        .map((p: any) => `${p.protocol}/${p.port}`)
        .sort()
        .join(',');
      const peers = rule.to ?? [];
      if (peers.length === 1 && peers[0].podSelector && !peers[0].namespaceSelector && !peers[0].ipBlock) {
        const labels = peers[0].podSelector.matchLabels ?? {};
        if (
          selects({ matchLabels: labels }, { ...NATS_PODS, 'app.kubernetes.io/instance': 'nats' }) &&
          Object.keys(labels).length > 0 &&
          ports === 'TCP/4222'
        )
          return 'nats';
        if (selects({ matchLabels: labels }, POSTGRES_PODS) && Object.keys(labels).length > 0 && ports === 'TCP/5432')
          return 'postgres';
      }
      if (
        peers.length === 1 &&
        peers[0].namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'kube-system' &&
        peers[0].podSelector?.matchLabels?.['k8s-app'] === 'kube-dns' &&
        ports === 'TCP/53,UDP/53'
      )
        return 'dns';
      if (
        peers.length === 1 &&
        !peers[0].podSelector &&
        peers[0].namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'monitoring' &&
        ports === 'TCP/4318'
      )
        return 'traces';
      return `anything else: ${JSON.stringify(rule)}`;
    }

    it('isolates every pod Concord runs, both ways', () => {
      for (const workload of workloads()) {
        expect({
          pod: workload.metadata.name,
          ingress: isolated(podLabels(workload), 'Ingress'),
          egress: isolated(podLabels(workload), 'Egress'),
        }).toEqual({ pod: workload.metadata.name, ingress: true, egress: true });
      }
    });

    /** The one rule that admits Prometheus: from the monitoring namespace, to METRICS_PORT only (ADR 0027). */
    const SCRAPE = {
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
      ports: [{ protocol: 'TCP', port: 9464 }],
    };

    it('lets only the gateway take connections, only on its HTTP port, and the monitoring namespace scrape every app', () => {
      for (const workload of workloads()) {
        const rules = ingressRules(podLabels(workload));
        if (workload.metadata.name === 'gateway') {
          expect(rules).toEqual(expect.arrayContaining([{ ports: [{ protocol: 'TCP', port: 3000 }] }, SCRAPE]));
          expect(rules).toHaveLength(2);
        } else if (workload.kind === 'Deployment') {
          expect({ pod: workload.metadata.name, rules }).toEqual({ pod: workload.metadata.name, rules: [SCRAPE] });
        } else {
          expect({ pod: workload.metadata.name, rules }).toEqual({ pod: workload.metadata.name, rules: [] });
        }
      }
    });

    it('serves metrics on a port of its own on every Deployment, announced to Prometheus, never on the public Service', () => {
      const settings = named(rendered, 'ConfigMap', 'concord-settings');
      expect(settings.data.METRICS_PORT).toBe('9464');
      expect(settings.data.LOG_FORMAT).toBeUndefined();
      for (const deployment of of('Deployment')) {
        const [container] = podSpec(deployment).containers;
        expect({ app: deployment.metadata.name, port: container.ports.find((p: any) => p.name === 'metrics') }).toEqual(
          {
            app: deployment.metadata.name,
            port: { name: 'metrics', containerPort: 9464, protocol: 'TCP' },
          },
        );
        expect(deployment.spec.template.metadata.annotations).toMatchObject({
          'prometheus.io/scrape': 'true',
          'prometheus.io/port': '9464',
        });
      }
      for (const service of of('Service')) {
        expect(service.spec.ports.map((p: any) => p.targetPort)).not.toContain('metrics');
        expect(service.spec.ports.map((p: any) => p.port)).not.toContain(9464);
      }
    });

    it('lets the services reach only NATS, PostgreSQL, DNS and the trace collector, and the migration Job only PostgreSQL and DNS', () => {
      for (const service of SERVICES) {
        const rules = egressRules(podLabels(named(rendered, 'Deployment', service)));
        expect({ service, to: rules.map(destination).sort() }).toEqual({
          service,
          to: ['dns', 'nats', 'postgres', 'traces'],
        });
      }
      const job = named(rendered, 'Job', 'concord-migrate');
      expect(egressRules(podLabels(job)).map(destination).sort()).toEqual(['dns', 'postgres']);
    });

    it('lets the gateway reach NATS, PostgreSQL, DNS, the trace collector and, over HTTPS outside the cluster, the identity provider', () => {
      const rules = egressRules(podLabels(named(rendered, 'Deployment', 'gateway')));
      const others = rules.map(destination).filter((d) => d.startsWith('anything else'));
      expect(
        rules
          .map(destination)
          .filter((d) => !d.startsWith('anything else'))
          .sort(),
      ).toEqual(['dns', 'nats', 'postgres', 'traces']);
      expect(others).toHaveLength(1);
      const https = rules.find((r: any) => r.to?.[0]?.ipBlock);
      expect(https.ports).toEqual([{ protocol: 'TCP', port: 443 }]);
      expect(https.to[0].ipBlock.except).toEqual(
        expect.arrayContaining(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']),
      );
    });

    it('lets NATS take clients only from Concord’s pods', () => {
      const rules = ingressRules(NATS_PODS);
      const clients = rules.filter((r: any) => r.ports.some((p: any) => p.port === 4222));
      expect(clients).toEqual([
        {
          from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/part-of': 'concord' } } }],
          ports: [{ protocol: 'TCP', port: 4222 }],
        },
      ]);
    });
  });

  describe('secrets', () => {
    it('renders no Secret: applying the overlay never writes or overwrites one', () => {
      expect(of('Secret')).toEqual([]);
    });

    it('the templates the operator fills hold no value and match their schema', () => {
      expect(secretTemplates.length).toBeGreaterThan(0);
      for (const secret of secretTemplates) {
        validateManifest(secret);
        expect(secret.data).toBeUndefined();
        for (const [key, value] of Object.entries(secret.stringData ?? {})) {
          // A basic-auth Secret names its role; nothing else has a value.
          if (key === 'username') expect(value).toMatch(/^concord_[a-z]+(_owner)?$/);
          else
            expect({ secret: secret.metadata.name, key, value }).toEqual({
              secret: secret.metadata.name,
              key,
              value: '',
            });
        }
      }
      validateManifest(publicTemplate);
    });

    it('every key a pod reads from a Secret or ConfigMap is in the templates (a missing one would stop the pod)', () => {
      const settings = named(rendered, 'ConfigMap', 'concord-settings');
      for (const workload of workloads()) {
        for (const ref of references(workload, 'secretKeyRef')) {
          const template = secretTemplates.find((s) => s.metadata.name === ref.name);
          expect({ ref, inTemplate: template !== undefined && ref.key in template.stringData }).toEqual({
            ref,
            inTemplate: true,
          });
        }
        for (const ref of references(workload, 'configMapKeyRef')) {
          const source = ref.name === 'concord-public' ? publicTemplate : named(rendered, 'ConfigMap', ref.name);
          const declared = ref.key in (source.data ?? {}) || (ref.optional === true && ref.name === 'concord-public');
          expect({ ref, declared }).toEqual({ ref, declared: true });
        }
      }
      expect(settings.data.CONCORD_DEV_AUTH).toBe('0');
    });

    it('gives each process only its own secrets; the schema owners’ only to the migration Job', () => {
      for (const app of APPS) {
        const secrets = new Set(references(named(rendered, 'Deployment', app), 'secretKeyRef').map((r) => r.name));
        expect({ app, secrets: [...secrets].sort() }).toEqual({
          app,
          secrets: [`concord-${app}`, `concord-db-${app}`].sort(),
        });
      }
      const job = named(rendered, 'Job', 'concord-migrate');
      expect(new Set(references(job, 'secretKeyRef').map((r) => r.name))).toEqual(
        new Set(SCHEMAS.map((s) => `concord-db-${s}-owner`)),
      );
    });

    it('connects each process to PostgreSQL as its own role, to the CloudNativePG cluster’s primary', () => {
      const cluster = named(readManifests('postgres/cluster.yaml'), 'Cluster', 'concord-pg');
      for (const app of APPS) {
        const [container] = podSpec(named(rendered, 'Deployment', app)).containers;
        const env = Object.fromEntries(container.env.map((e: any) => [e.name, e]));
        expect(env.DB_USER.valueFrom.secretKeyRef).toEqual({ name: `concord-db-${app}`, key: 'username' });
        expect(env.DATABASE_URL.value).toBe(
          `postgres://$(DB_USER):$(DB_PASSWORD)@${cluster.metadata.name}-rw:5432/${cluster.spec.bootstrap.initdb.database}`,
        );
        const user = secretTemplates.find((s) => s.metadata.name === `concord-db-${app}`)?.stringData.username;
        expect(user).toBe(`concord_${app}`);
      }
    });
  });

  it('runs every schema’s migrations in one Job before the rollout, each as the schema’s owner', () => {
    const job = named(rendered, 'Job', 'concord-migrate');
    expect(podSpec(job).restartPolicy).toBe('Never');
    const steps = containersOf(job);
    // One step per schema, one after another (init containers, then the last).
    const order = [...SERVICES, 'gateway'];
    expect([...order].sort()).toEqual([...SCHEMAS].sort());
    expect(steps.map((c) => c.command)).toEqual(order.map((s) => ['node', `/app/apps/${s}/dist/migrate.js`]));
    for (const [index, schema] of order.entries()) {
      const env = Object.fromEntries(steps[index].env.map((e: any) => [e.name, e]));
      expect(env.DATABASE_URL).toBeUndefined();
      expect(env.MIGRATION_DATABASE_URL.value).toBe(
        'postgres://$(OWNER_USER):$(OWNER_PASSWORD)@concord-pg-rw:5432/concord',
      );
      expect(env.OWNER_USER.valueFrom.secretKeyRef).toEqual({ name: `concord-db-${schema}-owner`, key: 'username' });
      expect(env.OWNER_PASSWORD.valueFrom.secretKeyRef).toEqual({
        name: `concord-db-${schema}-owner`,
        key: 'password',
      });
      const owner = secretTemplates.find((s) => s.metadata.name === `concord-db-${schema}-owner`)?.stringData.username;
      expect(owner).toBe(`concord_${schema}_owner`);
      expect(existsSync(join(REPO_ROOT, 'apps', schema, 'src/migrate.ts'))).toBe(true);
    }
    // infra/README.md applies it alone first, by this label, and waits for it.
    expect(job.metadata.labels?.['app.kubernetes.io/component']).toBe('migration');
    const migrationPolicies = of('NetworkPolicy').filter(
      (p) => p.metadata.labels?.['app.kubernetes.io/component'] === 'migration',
    );
    expect(migrationPolicies.map((p) => p.metadata.name)).toEqual(['concord-migrate']);
  });
});
