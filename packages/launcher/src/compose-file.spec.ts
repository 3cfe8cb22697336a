import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

// infra/compose.yaml is how people with Docker run Concord. Whoever reaches
// the machine must not get an admin token or the bus: dev sign-in is off,
// no secret has a default, and only the gateway is published.
type ComposeService = {
  ports?: string[];
  environment?: Record<string, string>;
  command?: string[];
  image?: string;
  build?: { context: string; dockerfile: string };
  read_only?: boolean;
  tmpfs?: string[];
  volumes?: string[];
};
/** The file as Compose reads it: YAML merge keys (`<<: *app`) applied, which this js-yaml build leaves as keys. */
function withMerges(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withMerges);
  if (value === null || typeof value !== 'object') return value;
  const { '<<': merged, ...own } = value as Record<string, unknown>;
  const bases = (Array.isArray(merged) ? merged : merged ? [merged] : []).map(withMerges) as object[];
  return Object.assign({}, ...bases, Object.fromEntries(Object.entries(own).map(([k, v]) => [k, withMerges(v)])));
}
const compose = withMerges(load(readFileSync(join(process.cwd(), '..', '..', 'infra', 'compose.yaml'), 'utf8'))) as {
  services: Record<string, ComposeService>;
};
const services = Object.entries(compose.services);

describe('infra/compose.yaml', () => {
  it('publishes only the gateway: PostgreSQL and NATS stay on the compose network', () => {
    const published = services.filter(([, s]) => (s.ports ?? []).length > 0).map(([name]) => name);
    expect(published).toEqual(['gateway']);
  });

  it('runs every Concord process from the image the Dockerfile builds, read-only, the checkout not mounted (ADR 0024)', () => {
    for (const name of ['migrate', 'registry', 'agreements', 'tasking', 'approvals', 'gateway']) {
      const service = compose.services[name]!;
      expect({
        name,
        image: service.image,
        build: service.build,
        readOnly: service.read_only,
        tmpfs: service.tmpfs,
      }).toEqual({
        name,
        image: 'concord:local',
        build: { context: '..', dockerfile: 'Dockerfile' },
        readOnly: true,
        tmpfs: ['/tmp'],
      });
      expect({ name, volumes: service.volumes }).toEqual({ name, volumes: undefined });
    }
  });

  it('keeps dev sign-in off in every service', () => {
    for (const [name, service] of services.filter(([, s]) => s.environment)) {
      expect({ name, devAuth: service.environment?.CONCORD_DEV_AUTH ?? '0' }).toEqual({ name, devAuth: '0' });
    }
  });

  it("connects each service as its own database role, after the migration step has run as the schemas' owners (ADR 0015)", () => {
    const roles = services
      .filter(([name, s]) => name !== 'migrate' && s.environment?.DATABASE_URL)
      .map(([name, s]) => [name, /^postgres:\/\/([^:]+):/.exec(s.environment!.DATABASE_URL)?.[1]]);
    expect(roles).toEqual(
      ['registry', 'agreements', 'tasking', 'approvals', 'gateway'].map((name) => [name, `concord_${name}`]),
    );
    expect(compose.services.migrate).toMatchObject({ command: ['node', 'infra/prepare-database.mjs'] });
  });

  it('has no default for any secret: it refuses to start until each is set', () => {
    const secretNames = /(PASSWORD|SECRET|KEY|DATABASE_URL|JWKS|ISSUER)/;
    for (const [name, service] of services) {
      for (const [variable, value] of Object.entries(service.environment ?? {})) {
        // The public halves of retired audit keys: no secret, and none until a rotation (ADR 0016).
        if (!secretNames.test(variable) || variable.startsWith('CONCORD_AUDIT_RETIRED_KEYS_')) continue;
        const interpolations = String(value).match(/\$\{[^}]*\}/g) ?? [];
        expect({ name, variable, fromEnvironment: interpolations.length > 0 }).toEqual({
          name,
          variable,
          fromEnvironment: true,
        });
        for (const interpolation of interpolations) {
          // ${VAR:?message} refuses to start when VAR is unset; ${VAR:-default} would not.
          expect({ variable, interpolation, required: /^\$\{[A-Z0-9_]+:\?/.test(interpolation) }).toEqual({
            variable,
            interpolation,
            required: true,
          });
        }
      }
    }
  });

  it('gives each process that vouches for actors its own signing key, and every service the issuers it believes', () => {
    const envOf = (name: string): Record<string, string | undefined> => compose.services[name]?.environment ?? {};
    const keyOf = (name: string) => envOf(name).CONCORD_ACTOR_KEY;
    const signers = ['gateway', 'agreements', 'tasking', 'approvals'];
    expect(signers.map((name) => keyOf(name)?.match(/^\$\{([A-Z_]+):\?/)?.[1])).toEqual([
      'GATEWAY_ACTOR_KEY',
      'AGREEMENTS_ACTOR_KEY',
      'TASKING_ACTOR_KEY',
      'APPROVALS_ACTOR_KEY',
    ]);
    for (const name of ['registry', ...signers.slice(1)]) {
      expect({
        name,
        issuers: envOf(name)
          .CONCORD_ACTOR_ISSUERS?.split(',')
          .map((pair) => pair.split('=')[0]),
      }).toEqual({
        name,
        issuers: signers,
      });
    }
  });
});
