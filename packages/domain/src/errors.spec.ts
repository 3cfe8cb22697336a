import { describe, expect, it } from '@jest/globals';
import { DomainError, NotFoundError, type Problem } from './errors';

describe('DomainError.toProblem', () => {
  it('writes RFC 9457 problem details from code, detail, errors and extensions', () => {
    const err = new DomainError(
      'creator.channel_taken',
      'Channel tiktok:hongnhung is already registered',
      [{ path: 'channels.0.handle', code: 'taken', message: 'Already registered' }],
      { creatorId: '0190aaaa-0000-7000-8000-000000000001' },
    );
    expect(err.toProblem()).toEqual({
      type: 'https://concord.gov.vn/problems/creator/channel_taken',
      title: 'Channel taken',
      code: 'creator.channel_taken',
      detail: 'Channel tiktok:hongnhung is already registered',
      errors: [{ path: 'channels.0.handle', code: 'taken', message: 'Already registered' }],
      creatorId: '0190aaaa-0000-7000-8000-000000000001',
    });
  });

  it('leaves errors out when there are none', () => {
    expect(new DomainError('internal', 'boom').toProblem()).not.toHaveProperty('errors');
  });

  it.each([
    ['validation.failed', 'Failed'],
    ['not_found', 'Not found'],
    ['idempotency.key_reused', 'Key reused'],
    ['auth.forbidden', 'Forbidden'],
  ] as const)('titles %s as %j', (code, title) => {
    expect(new DomainError(code, 'x').toProblem().title).toBe(title);
  });

  it('is an Error carrying the detail as message', () => {
    const err = new DomainError('auth.forbidden', 'Not allowed');
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toBe('Not allowed');
    expect(err.name).toBe('DomainError');
  });
});

describe('DomainError.fromProblem', () => {
  it.each([
    new DomainError('validation.failed', 'bad', [{ path: 'languages.1', code: 'invalid_format', message: 'no' }]),
    new DomainError('creator.status_transition_forbidden', 'no', [], { from: 'offboarded', to: 'active', allowed: [] }),
    new DomainError('internal', 'boom'),
    new NotFoundError('Creator', '0190aaaa-0000-7000-8000-000000000001'),
  ])('round-trips $code through problem details', (original) => {
    const copy = DomainError.fromProblem(JSON.parse(JSON.stringify(original.toProblem())) as Problem);
    expect(copy).toBeInstanceOf(DomainError);
    expect(copy.code).toBe(original.code);
    expect(copy.detail).toBe(original.detail);
    expect(copy.errors).toEqual(original.errors);
    expect(copy.extensions).toEqual(original.extensions);
    expect(copy.toProblem()).toEqual(original.toProblem());
  });

  it('drops the HTTP status, which is the gateway’s to set', () => {
    const problem = { ...new DomainError('not_found', 'gone').toProblem(), status: 404 };
    const copy = DomainError.fromProblem(problem);
    expect(copy.extensions).toEqual({});
    expect(copy.toProblem()).not.toHaveProperty('status');
  });
});

describe('NotFoundError', () => {
  it('names the resource and id', () => {
    const err = new NotFoundError('Creator', 'abc');
    expect(err.toProblem()).toMatchObject({
      code: 'not_found',
      detail: 'Creator abc was not found',
      resource: 'Creator',
      id: 'abc',
    });
  });
});

describe('DomainError.isProblem', () => {
  it.each<[string, unknown, boolean]>([
    ['a problem made by toProblem', new DomainError('auth.forbidden', 'no').toProblem(), true],
    ['a minimal problem', { code: 'internal', detail: 'boom' }, true],
    ['an unknown code', { code: 'teapot', detail: 'x' }, false],
    ['a missing detail', { code: 'internal' }, false],
    ['a numeric detail', { code: 'internal', detail: 500 }, false],
    ['null', null, false],
    ['a string', 'internal', false],
    ['an array', [], false],
  ])('%s → %s', (_label, value, expected) => {
    expect(DomainError.isProblem(value)).toBe(expected);
  });
});
