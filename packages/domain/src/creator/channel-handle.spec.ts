import { describe, expect, it } from '@jest/globals';
import { channelKey, normalizeHandle } from './channel-handle';

describe('normalizeHandle', () => {
  it.each([
    ['hongnhung', 'hongnhung'],
    ['HongNhung', 'hongnhung'],
    ['@hongnhung', 'hongnhung'],
    ['@@hongnhung', 'hongnhung'],
    ['  @HongNhung  ', 'hongnhung'],
    ['quang.linh_vlogs-1', 'quang.linh_vlogs-1'],
    ['hong@nhung', 'hong@nhung'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeHandle(input)).toBe(expected);
  });
});

describe('channelKey', () => {
  it('combines platform and normalised handle', () => {
    expect(channelKey('tiktok', '@HongNhung')).toBe('tiktok:hongnhung');
  });

  it('is the same for spellings of one channel', () => {
    expect(channelKey('youtube', 'QuangLinhVlogs')).toBe(channelKey('youtube', '@quanglinhvlogs'));
  });

  it('differs for the same handle on another platform', () => {
    expect(channelKey('tiktok', 'hongnhung')).not.toBe(channelKey('youtube', 'hongnhung'));
  });
});
