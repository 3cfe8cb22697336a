import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { DomainError, FIELD_CODES } from './errors';
import { parseOrThrow, toFieldErrors } from './validation';
import { RegisterCreatorInput } from './contracts/creator';
import { BEFORE_START } from './contracts/common';

const sample = {
  kind: 'individual',
  displayName: 'Nguyễn Thị Hồng Nhung',
  personalData: {
    legalName: 'Nguyễn Thị Hồng Nhung',
    nationalId: '001199012345',
    phone: '+84912345678',
    email: 'nhung@example.vn',
  },
  consent: { givenAt: '2026-01-05T09:00:00Z', scope: 'registry', evidence: 'form 12/2026' },
  channels: [
    {
      platform: 'tiktok',
      handle: 'hongnhung',
      url: 'https://www.tiktok.com/@hongnhung',
      followers: 120000,
      verified: true,
    },
  ],
  topics: ['tourism'],
  languages: ['vi', 'en'],
  regions: ['VN-HN'],
  managementCompanyId: null,
};

function failure(value: unknown, prefix?: string): DomainError {
  try {
    parseOrThrow(RegisterCreatorInput, value, prefix);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected validation.failed, the payload was accepted');
}

describe('parseOrThrow with RegisterCreatorInput', () => {
  it('accepts the sample registration as given', () => {
    expect(parseOrThrow(RegisterCreatorInput, sample)).toEqual(sample);
  });

  it('defaults the lists of a minimal registration to empty arrays', () => {
    const parsed = parseOrThrow(RegisterCreatorInput, { kind: 'management_company', displayName: 'Vie Channel' });
    expect(parsed).toEqual({
      kind: 'management_company',
      displayName: 'Vie Channel',
      channels: [],
      topics: [],
      languages: [],
      regions: [],
    });
  });

  it('defaults a channel to unverified and trims names', () => {
    const { verified: _v, ...channel } = sample.channels[0];
    const parsed = parseOrThrow(RegisterCreatorInput, {
      ...sample,
      displayName: '  Hồng Nhung  ',
      channels: [channel],
    });
    expect(parsed.displayName).toBe('Hồng Nhung');
    expect(parsed.channels[0].verified).toBe(false);
  });

  it('names every bad field by its dotted path', () => {
    const err = failure({
      ...sample,
      channels: [{ ...sample.channels[0], followers: -5 }],
      languages: ['vi', 'english'],
    });
    expect(err.code).toBe('validation.failed');
    const paths = err.errors.map((e) => e.path).sort();
    expect(paths).toEqual(['channels.0.followers', 'languages.1']);
    expect(err.detail).toContain('channels.0.followers');
    expect(err.detail).toContain('languages.1');
    expect(err.toProblem().errors).toHaveLength(2);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['unknown kind', { kind: 'agency' }, 'kind'],
    ['one-letter display name', { displayName: 'A' }, 'displayName'],
    ['unknown platform', { channels: [{ ...sample.channels[0], platform: 'myspace' }] }, 'channels.0.platform'],
    ['handle with a space', { channels: [{ ...sample.channels[0], handle: 'hong nhung' }] }, 'channels.0.handle'],
    ['ftp url', { channels: [{ ...sample.channels[0], url: 'ftp://example.vn/x' }] }, 'channels.0.url'],
    ['fractional followers', { channels: [{ ...sample.channels[0], followers: 1.5 }] }, 'channels.0.followers'],
    ['unknown topic', { topics: ['tourism', 'gossip'] }, 'topics.1'],
    ['lower-case region', { regions: ['vn-hn'] }, 'regions.0'],
    [
      '11-digit national id',
      { personalData: { ...sample.personalData, nationalId: '00119901234' } },
      'personalData.nationalId',
    ],
    ['bad email', { personalData: { ...sample.personalData, email: 'nhung@' } }, 'personalData.email'],
    ['consent without evidence', { consent: { ...sample.consent, evidence: ' ' } }, 'consent.evidence'],
    ['consent date not ISO', { consent: { ...sample.consent, givenAt: '05/01/2026' } }, 'consent.givenAt'],
    ['management company not a uuid', { managementCompanyId: 'vie-channel' }, 'managementCompanyId'],
  ])('refuses %s at %s', (_label, change, path) => {
    const err = failure({ ...sample, ...change });
    expect(err.errors.map((e) => e.path)).toEqual([path]);
  });

  it('prefixes paths when asked', () => {
    const err = failure({ ...sample, languages: ['vi', 'EN'] }, 'input');
    expect(err.errors.map((e) => e.path)).toEqual(['input.languages.1']);
  });

  it('reports a non-object payload at (root)', () => {
    const err = failure('not an object');
    expect(err.errors.map((e) => e.path)).toEqual(['(root)']);
  });
});

describe('toFieldErrors', () => {
  it('keeps zod issue codes and messages', () => {
    const result = z.object({ n: z.number() }).safeParse({ n: 'x' });
    expect(result.success).toBe(false);
    const [error] = toFieldErrors(result.error!);
    expect(error).toEqual({ path: 'n', code: 'invalid_type', message: expect.any(String) });
  });
});

describe('field codes', () => {
  it("names a refinement's own code, one of the listed codes", () => {
    const period = z
      .object({ start: z.string(), end: z.string() })
      .refine((p) => p.end >= p.start, { path: ['end'], ...BEFORE_START });
    const result = period.safeParse({ start: '2027-02-01', end: '2027-01-01' });
    expect(toFieldErrors(result.error!)).toEqual([
      { path: 'end', code: 'before_start', message: 'ends before it starts' },
    ]);
    expect(FIELD_CODES).toContain('before_start');
  });

  it('refuses to report a code the list lacks, so no client meets a code it was never told of', () => {
    const made = z.string().refine(() => false, { params: { code: 'made_up' } });
    expect(() => toFieldErrors(made.safeParse('x').error!)).toThrow(/made_up/);
  });

  it('lists every code once', () => {
    expect(new Set(FIELD_CODES).size).toBe(FIELD_CODES.length);
  });
});
