import { describe, expect, it } from '@jest/globals';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { DomainError } from '@concord/domain';
import { JsonBody, type BodyOf } from './json-body.decorator';

/** Where @nestjs/swagger keeps an operation's parameters and body (DECORATORS.API_PARAMETERS, not exported). */
const API_PARAMETERS = 'swagger/apiParameters';

class Example {
  update(@JsonBody('UpdateCreator') input: BodyOf<'UpdateCreator'>) {
    return input;
  }
}

/** Runs the parameter's factory as Nest does for a request with this body. */
function parse(body: unknown): unknown {
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, Example, 'update') as Record<
    string,
    { index: number; data: unknown; factory: (data: unknown, ctx: ExecutionContextHost) => unknown }
  >;
  const [param] = Object.values(args);
  return param.factory(param.data, new ExecutionContextHost([{ body }, {}, undefined]));
}

function refusal(body: unknown): DomainError {
  try {
    parse(body);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('@JsonBody(name)', () => {
  it('documents the named component as the required request body', () => {
    const parameters = Reflect.getMetadata(API_PARAMETERS, Example.prototype.update) as unknown[];
    expect(parameters).toEqual([
      expect.objectContaining({
        in: 'body',
        required: true,
        schema: { $ref: '#/components/schemas/UpdateCreator' },
      }),
    ]);
  });

  it('hands the handler the body as that component parses it (none is {})', () => {
    expect(parse({ displayName: '  Mai  ', expectedVersion: 3 })).toEqual({ displayName: 'Mai', expectedVersion: 3 });
    expect(parse(undefined)).toEqual({});
  });

  it('refuses what the component refuses: validation.failed with field paths, no prefix', () => {
    const error = refusal({ expectedVersion: 0, nickname: 'x' });
    expect(error.code).toBe('validation.failed');
    expect(error.errors.map((e) => [e.path, e.code]).sort()).toEqual([
      ['expectedVersion', 'too_small'],
      ['nickname', 'unrecognized_keys'],
    ]);
  });
});
