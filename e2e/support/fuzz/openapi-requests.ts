import fc from 'fast-check';

/** A JSON schema node of the committed OpenAPI document (3.0, as `z.toJSONSchema` writes it). */
type Schema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: string;
};

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** One request to send, and whether it carries a hostile value. */
export interface FuzzRequest {
  method: string;
  /** The path with its parameters filled in and the query string. */
  url: string;
  operation: string;
  body?: unknown;
  /** Index into the caller's list of tokens. */
  user: number;
  hostile: string | null;
}

/** What the generator may draw ids and names from: objects that exist, so requests reach past "not found". */
export interface Pools {
  /** Every id seeded. */
  ids: string[];
  /** Ids by the path segment that names their kind (`creators`, `campaigns`, `milestones`, …). */
  byKind: Record<string, string[]>;
  users: number;
}

const DAY = 86_400_000;
const AGENCIES = ['mcst-ttcs', 'mofa', 'hcmc-info', 'hanoi-tourism', 'owner', 'partners', 'no-such-agency'];

/** Hostile values put in place of one field (or one query or path parameter). */
export const HOSTILE_VALUES: [string, unknown][] = [
  ['NUL', 'a\u0000b'],
  ['only NUL', '\u0000'],
  ['lone high surrogate', 'x\uD800'],
  ['lone low surrogate', '\uDFFFy'],
  ['2^32', 4294967296],
  ['2^31', 2147483648],
  ['-2^31-1', -2147483649],
  ['beyond safe integers', 2 ** 53 + 2],
  ['1e308', 1e308],
  ['-1', -1],
  ['a fraction', 0.5],
  ['empty', ''],
  ['blank', '   '],
  ['long text', 'ư'.repeat(5000)],
  ['true', true],
  ['null', null],
  ['an object', { a: 1 }],
  ['an array', [1, 'x']],
  ['offset date-time', '2099-09-02T08:00:00+07:00'],
  ['year 0', '0000-01-01'],
  ['year 0 date-time', '0000-01-01T00:00:00Z'],
  ['year 9999', '9999-12-31T23:59:59Z'],
  ['past date-time', '2020-01-01T00:00:00Z'],
  ['unknown id', '01900000-0000-7000-8000-00000000dead'],
  ['nil uuid', '00000000-0000-0000-0000-000000000000'],
  ['SQL', "'; DROP TABLE creators; --"],
  ['formula', '=HYPERLINK("http://x")'],
  ['right-to-left override', '\u202egnp.exe'],
  ['emoji', '💥🇻🇳'],
];

const PATTERN_VALUES: Record<string, () => fc.Arbitrary<string>> = {
  '^[a-z]{2}$': () => fc.constantFrom('vi', 'en', 'fr'),
  '^[A-Z]{2}(-[A-Z0-9]{1,3})?$': () => fc.constantFrom('VN', 'VN-HN', 'FR'),
  '^[A-Z]{2}$': () => fc.constantFrom('VN', 'FR'),
  '^#[\\p{L}\\p{N}_]{2,60}$': () => fc.constantFrom('#HuongVeLaCoToQuoc', '#VietNam'),
  '^[a-z0-9-]{2,40}$': () => fc.constantFrom(...AGENCIES),
  '^@*[\\p{L}\\p{N}._-]+$': () => fc.stringMatching(/^[a-z0-9_]{3,12}$/),
  '^[a-z][a-z0-9_]{1,40}$': () => fc.constantFrom('legal', 'agency_review', 'partner_review'),
  '^[a-z]+\\/[a-z0-9.+-]+$': () => fc.constantFrom('video/mp4', 'image/png'),
  '^[0-9a-fA-F]{64}$': () => fc.constant('a'.repeat(64)),
  '^(\\d{9}|\\d{12})$': () => fc.constantFrom('001199012345', '123456789'),
  '^\\+?[0-9]{8,15}$': () => fc.constant('+84912345678'),
};

function resolve(schema: Schema, doc: OpenApiDocument): Schema {
  let s = schema;
  while (s.$ref) s = doc.components.schemas[s.$ref.split('/').pop()!];
  return s;
}

/** A date `days` from now. */
const dayFrom = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** Values the schema mostly accepts (so requests reach the services), from existing ids where it names one. */
export function valueFor(raw: Schema, doc: OpenApiDocument, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(raw, doc);
  const inner = (): fc.Arbitrary<unknown> => {
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const alternatives = schema.anyOf ?? schema.oneOf;
    if (alternatives) return fc.oneof(...alternatives.map((s) => valueFor(s, doc, pools, depth + 1)));
    if (schema.allOf) return valueFor(schema.allOf[0], doc, pools, depth + 1);
    switch (schema.type) {
      case 'object': {
        if (depth > 6 || !schema.properties) return fc.constant({});
        const shape: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [name, property] of Object.entries(schema.properties))
          shape[name] = valueFor(property, doc, pools, depth + 1);
        return fc.record(shape, { requiredKeys: schema.required ?? [] });
      }
      case 'array': {
        const min = schema.minItems ?? 0;
        return fc.array(schema.items ? valueFor(schema.items, doc, pools, depth + 1) : fc.constant('x'), {
          minLength: min,
          maxLength: Math.min(schema.maxItems ?? min + 3, min + 3),
        });
      }
      case 'integer':
      case 'number': {
        const min = Math.max(schema.minimum ?? -1000, -1_000_000);
        const max = Math.min(schema.maximum ?? 1_000_000, Math.max(min, 0) + 1_000_000);
        return schema.type === 'integer'
          ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
          : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
      }
      case 'boolean':
        return fc.boolean();
      case 'string':
        return stringFor(schema, pools);
      default:
        return fc.constant('x');
    }
  };
  return schema.nullable
    ? fc.oneof({ arbitrary: inner(), weight: 9 }, { arbitrary: fc.constant(null), weight: 1 })
    : inner();
}

function stringFor(schema: Schema, pools: Pools): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.oneof(
        { arbitrary: fc.constantFrom(...pools.ids), weight: 4 },
        { arbitrary: fc.uuid({ version: 7 }), weight: 1 },
      );
    case 'date':
      return fc.integer({ min: -30, max: 400 }).map(dayFrom);
    case 'date-time':
      return fc.tuple(fc.integer({ min: 1, max: 400 * 24 }), fc.boolean()).map(([hours, offset]) => {
        const at = new Date(Date.now() + hours * 3_600_000);
        if (!offset || schema.pattern?.endsWith('(?:Z))$')) return at.toISOString();
        const local = new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 19);
        return `${local}+07:00`;
      });
    case 'email':
      return fc.constant('an.nguyen@example.vn');
    case 'uri':
      return fc.constantFrom('https://www.tiktok.com/@fuzz', 'https://www.youtube.com/watch?v=x');
    default:
      // Another format, or none: the pattern and lengths below decide.
      break;
  }
  if (schema.pattern) {
    const known = PATTERN_VALUES[schema.pattern];
    if (known) return known();
    if (schema.pattern.startsWith('^[a-z_]+:')) return fc.constantFrom(...pools.ids).map((id) => `creator:${id}`);
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 200));
    } catch {
      return fc.constant('x');
    }
  }
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 60, Math.max(min, 60));
  return fc
    .oneof(
      fc.string({ minLength: Math.max(min, 3), maxLength: Math.max(max, 3) }),
      fc.constantFrom('Hương về là cố quốc', 'Nguyễn Thị Hồng Nhung', 'Explain the convention'),
    )
    .filter((s) => s.trim().length >= min && s.length <= (schema.maxLength ?? Infinity));
}

/** Puts `value` at one place of `body` (chosen by `pick`): a leaf, an element, or the whole. */
export function plant(body: unknown, pick: number, value: unknown): unknown {
  const places: (string | number)[][] = [[]];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (Array.isArray(v))
      v.forEach((x, i) => {
        places.push([...path, i]);
        walk(x, [...path, i]);
      });
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        places.push([...path, k]);
        walk(x, [...path, k]);
      }
  };
  walk(body, []);
  const path = places.length > 1 ? places[1 + (pick % (places.length - 1))] : [];
  if (path.length === 0) return value;
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]] = value;
  return copy;
}

/** Swaps every period's ends (start/end, from/to) in `body`: each then ends before it starts. */
export function reversePeriods(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(reversePeriods);
  if (!body || typeof body !== 'object') return body;
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, reversePeriods(v)]));
  for (const [a, b] of [
    ['start', 'end'],
    ['from', 'to'],
  ]) {
    if (typeof out[a] === 'string' && typeof out[b] === 'string') [out[a], out[b]] = [out[b], out[a]];
  }
  return out;
}

function pathParameter(p: Parameter, template: string, doc: OpenApiDocument, pools: Pools): fc.Arbitrary<string> {
  const schema = p.schema ? resolve(p.schema, doc) : { type: 'string' };
  if (schema.enum) return fc.constantFrom(...schema.enum.map(String));
  if (schema.type === 'integer' || schema.type === 'number') return fc.integer({ min: 1, max: 4 }).map(String);
  // The segment before `{name}` names the kind: /v1/campaigns/{id} takes a campaign's id.
  const segments = template.split('/');
  const kind = segments[segments.indexOf(`{${p.name}}`) - 1];
  const own = pools.byKind[kind] ?? [];
  return fc.oneof(
    ...(own.length ? [{ arbitrary: fc.constantFrom(...own), weight: 8 }] : []),
    { arbitrary: fc.constantFrom(...pools.ids), weight: 1 },
    { arbitrary: fc.uuid({ version: 7 }), weight: 1 },
  );
}

/** Every request an operation may get: a mostly valid one, or one with a hostile value in one place. */
export function requestsFor(doc: OpenApiDocument, pools: Pools): fc.Arbitrary<FuzzRequest> {
  const operations: fc.Arbitrary<FuzzRequest>[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path');
      const queryParams = params.filter((p) => p.in === 'query');
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const arbitrary = fc
        .record({
          path: fc.tuple(...pathParams.map((p) => pathParameter(p, template, doc, pools))),
          query: fc.tuple(
            ...queryParams.map((p) =>
              fc.option(valueFor(p.schema ?? {}, doc, pools), { freq: p.required ? 20 : 2, nil: undefined }),
            ),
          ),
          body: bodySchema ? valueFor(bodySchema, doc, pools) : fc.constant(undefined),
          user: fc.nat({ max: pools.users - 1 }),
          hostile: fc.oneof(
            { arbitrary: fc.constant(null), weight: 3 },
            {
              arbitrary: fc.tuple(
                fc.constantFrom(...HOSTILE_VALUES),
                fc.constantFrom('body', 'query', 'path'),
                fc.nat(),
              ),
              weight: 5,
            },
            { arbitrary: fc.constant('reversed periods' as const), weight: 1 },
            { arbitrary: fc.constant('unknown query parameter' as const), weight: 1 },
            { arbitrary: fc.constant('wrong body type' as const), weight: 1 },
          ),
        })
        .map(({ path, query, body, user, hostile }): FuzzRequest => {
          const pathValues = path.map((v) => String(v));
          const queryValues: [string, string][] = [];
          queryParams.forEach((p, i) => {
            // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the arbitraries make strings, numbers and booleans
            if (query[i] !== undefined) queryValues.push([p.name, String(query[i])]);
          });
          let label: string | null = null;
          let sent = body;
          if (hostile === 'reversed periods') {
            sent = reversePeriods(body);
            label = hostile;
          } else if (hostile === 'unknown query parameter') {
            queryValues.push(['region', 'FR']);
            label = hostile;
          } else if (hostile === 'wrong body type') {
            sent = ['not', 'an', 'object'];
            label = hostile;
          } else if (hostile) {
            const [[name, value], where, pick] = hostile;
            if (where === 'body' && body !== undefined) {
              sent = plant(body, pick, value);
              label = `${name} in the body`;
            } else if (where === 'path' && pathValues.length > 0) {
              pathValues[pick % pathValues.length] = typeof value === 'string' ? value : JSON.stringify(value);
              label = `${name} in the path`;
            } else if (queryParams.length > 0) {
              const p = queryParams[pick % queryParams.length];
              const i = queryValues.findIndex(([n]) => n === p.name);
              const entry: [string, string] = [p.name, typeof value === 'string' ? value : JSON.stringify(value)];
              if (i >= 0) queryValues[i] = entry;
              else queryValues.push(entry);
              label = `${name} in the query`;
            }
          }
          let i = 0;
          // A lone surrogate cannot travel in a URL (UTF-8): it goes as U+FFFD, as a browser would send it.
          const filled = template.replace(/\{[^}]+\}/g, () =>
            encodeURIComponent((pathValues[i++] ?? '').replace(/[\uD800-\uDFFF]/g, '\uFFFD')),
          );
          const search = queryValues.length ? `?${new URLSearchParams(queryValues).toString()}` : '';
          return {
            method: method.toUpperCase(),
            url: filled + search,
            operation: `${method.toUpperCase()} ${template}`,
            body: sent,
            user,
            hostile: label,
          };
        });
      operations.push(arbitrary);
    }
  }
  return fc.oneof(...operations);
}
