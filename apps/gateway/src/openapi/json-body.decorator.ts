import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import type { z } from 'zod';
import { parseOrThrow } from '@concord/domain';
import { REQUEST_SCHEMAS, schemaRef } from './schemas';

export type RequestSchemaName = keyof typeof REQUEST_SCHEMAS;

/** What a handler gets from `@JsonBody(name)`: the body as the named contract parses it. */
export type BodyOf<N extends RequestSchemaName> = z.output<(typeof REQUEST_SCHEMAS)[N]>;

/** Parses the JSON body (none is `{}`) with the named contract: 400 `validation.failed` with field paths. */
const ParsedBody = createParamDecorator((name: RequestSchemaName, context: ExecutionContext) =>
  parseOrThrow(REQUEST_SCHEMAS[name], context.switchToHttp().getRequest<{ body?: unknown }>().body ?? {}),
);

/**
 * The request body, parsed by `REQUEST_SCHEMAS[name]` and documented as that
 * same component: the OpenAPI body and the parsed one cannot differ.
 *
 * `@JsonBody('RegisterCreator') input: BodyOf<'RegisterCreator'>`
 */
export function JsonBody(name: RequestSchemaName): ParameterDecorator {
  return (target, key, index) => {
    if (key === undefined) throw new Error('@JsonBody() belongs on a route handler parameter');
    ParsedBody(name)(target, key, index);
    const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
    ApiBody({ schema: schemaRef(name), required: true })(target, key, descriptor);
  };
}
