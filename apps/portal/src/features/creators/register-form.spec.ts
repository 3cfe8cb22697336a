import { describe, expect, it } from '@jest/globals';
import {
  buildRequest,
  emptyChannel,
  emptyDraft,
  formPaths,
  REGISTRATION_FIELDS,
  parseFollowers,
  toFormPaths,
  validateRequest,
  type RegisterDraft,
} from './register-form';

function draft(change: Partial<RegisterDraft> = {}): RegisterDraft {
  return { ...emptyDraft(), displayName: 'Nguyễn Thị Hồng Nhung', ...change };
}

describe('register form → request', () => {
  it('sends what was typed, trimmed, with blank optional parts left out', () => {
    const channel = {
      ...emptyChannel(),
      handle: ' hongnhung ',
      url: 'https://www.tiktok.com/@hongnhung',
      followers: '120.000',
    };
    const { body, channelRows } = buildRequest(
      draft({ channels: [channel], topics: ['tourism'], languages: 'vi, EN', regions: 'vn-hn' }),
    );
    expect(body).toEqual({
      kind: 'individual',
      displayName: 'Nguyễn Thị Hồng Nhung',
      channels: [
        {
          platform: 'tiktok',
          handle: 'hongnhung',
          url: 'https://www.tiktok.com/@hongnhung',
          followers: 120000,
          verified: false,
        },
      ],
      topics: ['tourism'],
      languages: ['vi', 'en'],
      regions: ['VN-HN'],
    });
    expect(channelRows).toEqual([0]);
    expect(validateRequest(body)).toEqual([]);
  });

  it('reads follower counts as people write them', () => {
    expect(parseFollowers('120.000')).toBe(120000);
    expect(parseFollowers('1,200,000')).toBe(1200000);
    expect(parseFollowers('')).toBeUndefined();
    expect(parseFollowers('many')).toBeNaN();
  });

  it("finds the API's field errors before sending, on the paths the API would name", () => {
    const channel = { ...emptyChannel(), handle: 'bad handle!', url: 'tiktok.com/x', followers: '' };
    const { body, channelRows } = buildRequest(
      draft({ displayName: 'N', channels: [emptyChannel(), channel], legalName: 'Nhung', nationalId: '123' }),
    );
    const errors = toFormPaths(validateRequest(body), channelRows);
    const paths = errors.map((e) => `${e.path}:${e.code}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'displayName:too_small',
        // The blank first row is not sent; the errors land on the second row, where they were typed.
        'channels.1.handle:invalid_format',
        'channels.1.url:invalid_format',
        'channels.1.followers:invalid_type',
        'personalData.nationalId:invalid_format',
      ]),
    );
    expect(errors.every((e) => formPaths(draft({ channels: [emptyChannel(), channel] })).includes(e.path))).toBe(true);
  });

  it("asks for consent when personal data is given, as the registry's rule does", () => {
    const { body } = buildRequest(draft({ legalName: 'Nguyễn Thị Hồng Nhung' }));
    expect(validateRequest(body)).toEqual([expect.objectContaining({ path: 'consent', code: 'required' })]);
    const consented = buildRequest(
      draft({
        legalName: 'Nguyễn Thị Hồng Nhung',
        consentGivenAt: '2026-01-05',
        consentScope: 'registry',
        consentEvidence: 'form 12/2026',
      }),
    );
    expect(consented.body.consent).toEqual({
      givenAt: '2026-01-05T00:00:00Z',
      scope: 'registry',
      evidence: 'form 12/2026',
    });
    expect(validateRequest(consented.body)).toEqual([]);
  });

  it("maps the API's channel paths back to the rows of the form", () => {
    expect(
      toFormPaths(
        [
          { path: 'channels.0.handle', code: 'channel_taken', message: 'x' },
          { path: 'displayName', code: 'too_small', message: 'y' },
        ],
        [2],
      ),
    ).toEqual([
      { path: 'channels.2.handle', code: 'channel_taken', message: 'x' },
      { path: 'displayName', code: 'too_small', message: 'y' },
    ]);
  });
});

describe('the register form and the registration contract', () => {
  it('sends every field of the contract that REGISTRATION_FIELDS says the form takes, once all are filled', () => {
    const { body } = buildRequest(
      draft({
        channels: [
          { ...emptyChannel(), handle: 'hongnhung', url: 'https://www.tiktok.com/@hongnhung', followers: '10' },
        ],
        topics: ['tourism'],
        languages: 'vi',
        regions: 'VN-HN',
        legalName: 'Nguyễn Thị Hồng Nhung',
        nationalId: '001199012345',
        phone: '+84912345678',
        email: 'nhung@example.vn',
        consentGivenAt: '2026-01-05',
        consentScope: 'registry',
        consentEvidence: 'form 12/2026',
      }),
    );
    const taken = Object.entries(REGISTRATION_FIELDS)
      .filter(([, from]) => Array.isArray(from))
      .map(([field]) => field);
    expect(Object.keys(body).sort()).toEqual(taken.sort());
  });
});
