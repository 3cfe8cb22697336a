import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

// infra/compose.yaml is how people with Docker run Concord. Whoever reaches
// the machine must not get an admin token or the bus: dev sign-in is off,
// no secret has a default, and only the gateway is published.
type ComposeService = { ports?: string[]; environment?: Record<string, string>; command?: string[] };
const compose = load(readFileSync(join(process.cwd(), '..', '..', 'infra', 'compose.yaml'), 'utf8')) as {
  services: Record<string, ComposeService>;
};
const services = Object.entries(compose.services);

describe('infra/compose.yaml', () => {
  it('publishes only the gateway: PostgreSQL and NATS stay on the compose network', () => {
    const published = services.filter(([, s]) => (s.ports ?? []).length > 0).map(([name]) => name);
    expect(published).toEqual(['gateway']);
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
    // js-yaml 5 leaves YAML merge keys (`<<: *env`) unmerged; Docker Compose merges them.
    const envOf = (name: string): Record<string, string | undefined> => {
      const { '<<': merged, ...own } = (compose.services[name]?.environment ?? {}) as Record<string, unknown>;
      return { ...(merged as Record<string, string> | undefined), ...(own as Record<string, string>) };
    };
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
