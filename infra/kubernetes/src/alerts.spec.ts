// infra/kubernetes/monitoring/alerts.yaml (ADR 0027): a PrometheusRule whose alerts name only metrics the code
// defines, so renaming one in packages/messaging/src/metrics.ts fails here until the alert follows, and each of which
// points to its runbook.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { KUBERNETES_DIR, REPO_ROOT } from './manifests';
/* eslint-disable @typescript-eslint/no-explicit-any -- YAML read loosely, checked field by field */

const rule = parse(readFileSync(join(KUBERNETES_DIR, 'monitoring/alerts.yaml'), 'utf8'));
const alerts: any[] = rule.spec.groups.flatMap((g: any) => g.rules).filter((r: any) => r.alert);

/** The names in `METRICS` of packages/messaging/src/metrics.ts, read from the source (what the processes export). */
function definedMetrics(): Set<string> {
  const source = readFileSync(join(REPO_ROOT, 'packages/messaging/src/metrics.ts'), 'utf8');
  const block = /export const METRICS = \{([\s\S]*?)\} as const;/.exec(source)?.[1] ?? '';
  const names = [...block.matchAll(/:\s*'([a-z_:]+)'/g)].map((m) => m[1]!);
  // A histogram (…_duration_seconds) is exported as its buckets, sum and count.
  return new Set(
    names.flatMap((n) => (n.endsWith('_duration_seconds') ? [`${n}_bucket`, `${n}_sum`, `${n}_count`] : [n])),
  );
}

/** Metrics of others that an alert may name: kube-state-metrics' and Prometheus's own. */
const EXTERNAL = new Set(['kube_deployment_status_replicas_unavailable', 'up']);

const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'and',
  'or',
  'unless',
  'bool',
  'offset',
]);

/** The metric names a PromQL expression selects: identifiers outside strings, label matchers, ranges and groupings, not called as functions. */
export function metricsOf(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  return [...bare.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?/g)]
    .filter((m) => !m[2] && !KEYWORDS.has(m[1]!))
    .map((m) => m[1]!);
}

describe('the alert rules', () => {
  it('is a PrometheusRule with the five alerts of issue 14', () => {
    expect(rule.apiVersion).toBe('monitoring.coreos.com/v1');
    expect(rule.kind).toBe('PrometheusRule');
    expect(alerts.map((a) => a.alert).sort()).toEqual(
      [
        'AuditCheckpointMissing',
        'ConsumerLagging',
        'NatsRequestErrors',
        'OutboxBacklogGrowing',
        'ReadinessFailing',
      ].sort(),
    );
  });

  it('names in every expression only metrics the code defines (or kube-state-metrics’)', () => {
    const defined = definedMetrics();
    expect(defined.size).toBeGreaterThan(10);
    for (const alert of alerts) {
      const names = metricsOf(alert.expr);
      expect({ alert: alert.alert, selects: names.length > 0 }).toEqual({ alert: alert.alert, selects: true });
      const unknown = names.filter((n) => !defined.has(n) && !EXTERNAL.has(n));
      expect({ alert: alert.alert, unknown }).toEqual({ alert: alert.alert, unknown: [] });
    }
  });

  it('gives every alert a severity, a summary and a runbook that exists', () => {
    for (const alert of alerts) {
      expect(alert.labels?.severity).toMatch(/^(warning|critical)$/);
      expect(alert.annotations?.summary).toBeTruthy();
      const runbook: string = alert.annotations?.runbook_url ?? '';
      expect(runbook).toBe(`docs/runbooks/alerts/${alert.alert}.md`);
      expect({ alert: alert.alert, exists: existsSync(join(REPO_ROOT, runbook)) }).toEqual({
        alert: alert.alert,
        exists: true,
      });
    }
  });

  it('reads metric names out of PromQL (so the check above can fail)', () => {
    expect(
      metricsOf(
        'sum by (service, subject) (rate(concord_nats_requests_totl{outcome=~"internal|x"}[5m])) / sum(rate(up[1m])) > 0.05 or foo_bar',
      ),
    ).toEqual(['concord_nats_requests_totl', 'up', 'foo_bar']);
  });
});
