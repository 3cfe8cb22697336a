import { durableName, eventStreamName, namespaceSubject } from '@concord/domain';

/** The services on the bus: each answers its own requests and publishes its own events. */
export const BUS_SERVICES = ['registry', 'agreements', 'tasking', 'approvals'] as const;
export type BusService = (typeof BUS_SERVICES)[number];

/** Everyone who holds NATS credentials in a running system. */
export const BUS_IDENTITIES = ['gateway', ...BUS_SERVICES] as const;
export type BusIdentity = (typeof BUS_IDENTITIES)[number];

/** What an identity does on the bus; its permissions follow from this and nothing else. */
export interface BusNeeds {
  /** The service whose requests it answers: it subscribes to `concord.<env>.<service>.>` and replies to the asker's inbox. */
  readonly answers: BusService | null;
  /** The services it sends requests to (through ServiceClient). */
  readonly calls: readonly BusService[];
  /** Publishes its own events (`concord.<env>.events.<identity>.>`) and its audit checkpoints (`concord.<env>.events.audit.<identity>.>`) through JetStream. */
  readonly publishesEvents: boolean;
  /** Its durable JetStream consumers: purpose (as in `durableName`) → the events it reads, as written in code. */
  readonly consumes: Readonly<Record<string, string>>;
}

/**
 * Who may do what on the bus: the one table the NATS server's authorization
 * is generated from (`busAuthorizationConfig`), and that the services read
 * their consumers' purposes and filters from, so the two cannot drift. A
 * new call between services, or a new consumer, is a line here; without it
 * NATS refuses the request or the consumer.
 */
export const BUS = {
  gateway: {
    answers: null,
    calls: BUS_SERVICES,
    publishesEvents: false,
    // It keeps copies of every service's signed audit checkpoints (ADR 0016).
    consumes: { audit_checkpoints: 'concord.events.audit.*.checkpointed' },
  },
  registry: {
    answers: 'registry',
    calls: [],
    publishesEvents: true,
    consumes: { creator_agreements: 'concord.events.agreements.agreement.*' },
  },
  agreements: {
    answers: 'agreements',
    calls: ['registry'],
    publishesEvents: true,
    consumes: { counterparties: 'concord.events.registry.creator.*' },
  },
  tasking: {
    answers: 'tasking',
    calls: ['registry'],
    publishesEvents: true,
    consumes: {
      agreement_coverage: 'concord.events.agreements.agreement.*',
      creator_status: 'concord.events.registry.creator.status_changed',
      assignment_progress: 'concord.events.approvals.>',
    },
  },
  approvals: { answers: 'approvals', calls: ['registry', 'tasking'], publishesEvents: true, consumes: {} },
} as const satisfies Record<BusIdentity, BusNeeds>;

/** Where an identity's replies arrive: its own inbox prefix, which no other identity may subscribe to. */
export function inboxPrefix(identity: string): string {
  return `_INBOX.${identity}`;
}

export interface BusPermissions {
  publish: string[];
  subscribe: string[];
  /** May answer requests: publish once to the reply subject of a message it received. */
  allowResponses: boolean;
}

/**
 * The subjects `identity` may publish and subscribe to in environment `env`
 * (`CONCORD_ENV`), or in every environment when `env` is `*` (one NATS
 * server shared by many namespaces, as the tests' is).
 */
export function busPermissions(identity: BusIdentity, env: string): BusPermissions {
  const needs: BusNeeds = BUS[identity];
  const any = env === '*';
  const wire = (subject: string) => namespaceSubject(env, subject);
  const stream = any ? '*' : eventStreamName(env);
  const durable = (purpose: string) => (any ? '*' : durableName(env, identity, purpose));
  const publish: string[] = needs.calls.map((service) => wire(`concord.${service}.>`));
  const subscribe: string[] = [`${inboxPrefix(identity)}.>`];
  if (needs.answers) subscribe.push(wire(`concord.${needs.answers}.>`));
  const jetStream = needs.publishesEvents || Object.keys(needs.consumes).length > 0;
  if (jetStream) {
    publish.push('$JS.API.INFO');
    // ensureEventStream: look the stream up, create it or bring its settings up to date (whoever starts first).
    for (const verb of ['INFO', 'CREATE', 'UPDATE']) publish.push(`$JS.API.STREAM.${verb}.${stream}`);
  }
  if (needs.publishesEvents)
    publish.push(wire(`concord.events.${identity}.>`), wire(`concord.events.audit.${identity}.>`));
  for (const [purpose, filter] of Object.entries(needs.consumes)) {
    const name = durable(purpose);
    publish.push(
      `$JS.API.CONSUMER.INFO.${stream}.${name}`,
      // The create request names its filter in the subject (NATS ≥ 2.9 checks that it matches the config): a
      // consumer may only ever read the events this table says it reads.
      `$JS.API.CONSUMER.CREATE.${stream}.${name}.${wire(filter)}`,
      `$JS.API.CONSUMER.MSG.NEXT.${stream}.${name}`,
      `$JS.ACK.${stream}.${name}.>`,
    );
  }
  return { publish, subscribe, allowResponses: needs.answers !== null };
}

/** An identity's public NKey (`U…`), or a `$VARIABLE` the NATS server reads from its environment. */
export type BusPublicKeys = Partial<Record<string, string>>;

/**
 * The `authorization` block of nats-server's configuration: one user per
 * identity given a public key, with exactly the permissions of
 * `busPermissions`. `extra` adds users beyond the table (the tests' harness).
 */
export function busAuthorizationConfig(
  keys: BusPublicKeys,
  env: string,
  extra: { nkey: string; permissions: BusPermissions; comment: string }[] = [],
): string {
  const quote = (s: string) => JSON.stringify(s);
  const list = (subjects: string[]) => `[${subjects.map(quote).join(', ')}]`;
  const nkey = (key: string) => (key.startsWith('$') ? key : quote(key));
  const user = (comment: string, key: string, p: BusPermissions) =>
    [
      `    # ${comment}`,
      `    { nkey: ${nkey(key)}, permissions: {`,
      `        publish: { allow: ${list(p.publish)} }`,
      `        subscribe: { allow: ${list(p.subscribe)} }`,
      ...(p.allowResponses ? ['        allow_responses: true'] : []),
      '    } }',
    ].join('\n');
  const users = BUS_IDENTITIES.filter((identity) => keys[identity]).map((identity) =>
    user(identity, keys[identity]!, busPermissions(identity, env)),
  );
  for (const e of extra) users.push(user(e.comment, e.nkey, e.permissions));
  return [
    `# Generated from packages/messaging/src/bus-permissions.ts (environment ${env === '*' ? 'any' : env}): do not edit; npm run nats:authorization rewrites it.`,
    '# Every client must present one of these NKeys; each may publish and subscribe only to what is listed.',
    'authorization {',
    '  # Seconds a client has to authenticate: generous, so a busy machine (a test run on two cores) is not taken for an attacker.',
    '  timeout: 10',
    '  users = [',
    users.join('\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}

/**
 * The authorization a deployment's nats-server includes
 * (infra/nats/authorization.production.conf): each identity's public key is
 * read from the server's environment, `<IDENTITY>_NATS_NKEY`.
 */
export function productionAuthorizationConfig(env = '*'): string {
  const keys = Object.fromEntries(BUS_IDENTITIES.map((identity) => [identity, `$${identity.toUpperCase()}_NATS_NKEY`]));
  return busAuthorizationConfig(keys, env);
}
