import { describe, expect, it } from '@jest/globals';
import {
  existingCreator,
  fieldKey,
  fieldMessage,
  placeFieldErrors,
  problemMessage,
  requestFieldErrors,
  type Problem,
} from './problem';

const channelTaken: Problem = {
  type: 'https://concord.gov.vn/problems/creator/channel_taken',
  title: 'Channel taken',
  status: 409,
  code: 'creator.channel_taken',
  detail: 'The tiktok channel @hongnhung is already registered to Nguyễn Thị Hồng Nhung',
  errors: [
    { path: 'channels.1.handle', code: 'channel_taken', message: 'Already registered to Nguyễn Thị Hồng Nhung' },
  ],
  existingCreatorId: '0190f1a2-0000-7000-8000-000000000001',
  existingCreatorName: 'Nguyễn Thị Hồng Nhung',
  channelIndex: 1,
};

describe('problem → words next to fields', () => {
  it('drops list positions from a field path to find its wording', () => {
    expect(fieldKey('channels.0.handle')).toBe('channels.handle');
    expect(fieldKey('languages.2')).toBe('languages');
    expect(fieldKey('personalData.nationalId')).toBe('personalData.nationalId');
  });

  it("tries the field's own wording, then the code's, then falls back to the API's words", () => {
    const message = fieldMessage(channelTaken.errors![0], channelTaken);
    expect(message.keys).toEqual(['fields.channels.handle.channel_taken', 'fieldError.channel_taken']);
    expect(message.fallback).toBe('Already registered to Nguyễn Thị Hồng Nhung');
    expect(message.values).toMatchObject({ existingCreatorName: 'Nguyễn Thị Hồng Nhung', channelIndex: 1 });
    expect(message.values).not.toHaveProperty('detail');
  });

  it('words the whole problem by its code', () => {
    expect(problemMessage(channelTaken)).toMatchObject({
      keys: ['problem.creator.channel_taken'],
      fallback: channelTaken.detail,
    });
  });

  it('places the duplicate channel on the handle of the row it concerns', () => {
    const placed = placeFieldErrors(channelTaken.errors!, [
      'displayName',
      'channels',
      'channels.0',
      'channels.0.handle',
      'channels.1',
      'channels.1.handle',
    ]);
    expect([...placed.byField.keys()]).toEqual(['channels.1.handle']);
    expect(placed.unplaced).toEqual([]);
  });

  it('places an error on the nearest group the form shows, and keeps the rest for above the form', () => {
    const placed = placeFieldErrors(
      [
        { path: 'channels.0.verifiedCheckedAt', code: 'invalid_format', message: 'Invalid ISO datetime' },
        { path: 'consent', code: 'required', message: 'Record the consent' },
        { path: 'managementCompanyId', code: 'not_a_management_company', message: 'Not a management company' },
      ],
      ['channels', 'channels.0', 'channels.0.handle', 'consent', 'consent.scope'],
    );
    expect(placed.byField.get('channels.0')?.[0].code).toBe('invalid_format');
    expect(placed.byField.get('consent')?.[0].code).toBe('required');
    expect(placed.unplaced.map((e) => e.path)).toEqual(['managementCompanyId']);
  });

  it('names the creator who already has the channel, for a link to their page', () => {
    expect(existingCreator(channelTaken)).toEqual({
      id: channelTaken.existingCreatorId,
      name: 'Nguyễn Thị Hồng Nhung',
    });
    expect(existingCreator({ code: 'validation.failed', detail: 'x' })).toBeUndefined();
  });
});

describe('the API errors of a form', () => {
  it('lose the `input.` (or `changes.`) prefix some services put on their paths', () => {
    expect(
      requestFieldErrors({
        code: 'publication.channel_mismatch',
        detail: '',
        errors: [{ path: 'input.url', code: 'other_channel', message: 'x' }],
      }),
    ).toEqual([{ path: 'url', code: 'other_channel', message: 'x' }]);
    expect(
      requestFieldErrors({
        code: 'validation.failed',
        detail: '',
        errors: [{ path: 'changes.budget', code: 'too_small', message: 'y' }],
      }),
    ).toEqual([{ path: 'budget', code: 'too_small', message: 'y' }]);
    expect(requestFieldErrors(undefined)).toEqual([]);
  });
});
