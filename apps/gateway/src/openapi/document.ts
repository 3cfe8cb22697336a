import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { openApiComponents } from './schemas';
import { CREATED_AT_EXTENSION } from '../http/location';

/** The gateway's OpenAPI document: routes from the controllers, schemas from the zod contracts. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Concord API')
    .setDescription(
      'Partnership campaigns between public agencies and content creators. ' +
        'Every /v1 route needs a bearer JWT (claims sub, org, roles) unless marked otherwise. ' +
        'Errors are application/problem+json with a stable `code` and the `requestId`. Writes accept Idempotency-Key. ' +
        'Every request may name its X-Request-Id (1 to 128 of A-Z a-z 0-9 . _ : -; anything else is replaced) and ' +
        'every answer carries it (a new UUID when none was given): quote it to support to find the request in every ' +
        "service's logs, audit entries and events.",
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  addComponents(document, { schemas: openApiComponents() });
  return withLocations(withConditionalGets(withRequestIds(document)));
}

type Components = NonNullable<OpenAPIObject['components']>;

/** `more` added to the document's components, kind by kind (schemas, parameters, headers): what is there stays. */
function addComponents(document: OpenAPIObject, more: { [Kind in keyof Components]?: Record<string, object> }): void {
  const components: Record<string, object> = { ...document.components };
  for (const [kind, entries] of Object.entries(more)) components[kind] = { ...(components[kind] ?? {}), ...entries };
  document.components = components;
}

/**
 * On every single-object GET (its path ends in a parameter): the ETag of the 200, `If-None-Match`, and the 304 it
 * brings while the object is unchanged (`http/conditional-get.ts`).
 */
function withConditionalGets(document: OpenAPIObject): OpenAPIObject {
  addComponents(document, {
    parameters: {
      IfNoneMatch: {
        name: 'If-None-Match',
        in: 'header',
        required: false,
        description:
          'The ETag you hold (or several, comma-separated): while the object is unchanged the answer is 304 with no ' +
          'body, and you keep what you have.',
        schema: { type: 'string', maxLength: 1024 },
      },
    },
    headers: {
      ETag: {
        description: 'The version of what was sent: send it back in If-None-Match to read it again only if it changed.',
        schema: { type: 'string' },
      },
    },
  });
  for (const [path, item] of Object.entries(document.paths)) {
    const operation = item.get;
    if (!operation || !path.endsWith('}') || !operation.responses?.['200']) continue;
    operation.parameters = [...(operation.parameters ?? []), { $ref: '#/components/parameters/IfNoneMatch' }];
    const ok = operation.responses['200'];
    if (!('$ref' in ok)) ok.headers = { ...(ok.headers ?? {}), ETag: { $ref: '#/components/headers/ETag' } };
    operation.responses['304'] = {
      description: 'Not modified: the ETag sent in If-None-Match is still the current one. No body.',
      headers: {
        ETag: { $ref: '#/components/headers/ETag' },
        'X-Request-Id': { $ref: '#/components/headers/RequestId' },
      },
    };
  }
  return document;
}

const REQUEST_ID_PATTERN = '^[A-Za-z0-9._:-]{1,128}$';

/**
 * X-Request-Id on every operation, documented once (components) and referred to from each: the request may name it,
 * every response carries it (ADR 0025).
 */
function withRequestIds(document: OpenAPIObject): OpenAPIObject {
  addComponents(document, {
    parameters: {
      RequestId: {
        name: 'X-Request-Id',
        in: 'header',
        required: false,
        description:
          'Your id for this request, given back in the answer and kept with what it causes (logs, audit entries, ' +
          'events). 1 to 128 of A-Z a-z 0-9 . _ : - ; anything else is replaced by a new UUID.',
        schema: { type: 'string', maxLength: 128, pattern: REQUEST_ID_PATTERN },
      },
    },
    headers: {
      RequestId: {
        description: "The request's id: the X-Request-Id sent, or a new UUID. Quote it to support.",
        schema: { type: 'string', maxLength: 128, pattern: REQUEST_ID_PATTERN },
      },
    },
  });
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const) {
      const operation = item[method];
      if (!operation) continue;
      operation.parameters = [...(operation.parameters ?? []), { $ref: '#/components/parameters/RequestId' }];
      for (const response of Object.values(operation.responses ?? {})) {
        if (!response || '$ref' in response) continue;
        response.headers = { 'X-Request-Id': { $ref: '#/components/headers/RequestId' }, ...(response.headers ?? {}) };
      }
    }
  }
  return document;
}

/** The `Location` header of every 201 whose route names where its object is read (`CreatedAt`, http/location.ts). */
function withLocations(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of ['post', 'put'] as const) {
      const operation = item[method] as (typeof item)['post'] & Record<string, unknown>;
      const template = operation?.[CREATED_AT_EXTENSION];
      if (!operation || typeof template !== 'string') continue;
      delete operation[CREATED_AT_EXTENSION];
      const created = operation.responses?.['201'];
      if (!created || '$ref' in created) continue;
      created.headers = {
        ...(created.headers ?? {}),
        Location: {
          description: `Where the object is read: ${template}, filled from this answer.`,
          schema: { type: 'string', format: 'uri-reference' },
        },
      };
    }
  }
  return document;
}
