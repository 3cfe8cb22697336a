import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { checkPublicationUrl } from './publication-url';

type Channel = { platform: string; handle: string; url: string };
const TIKTOK: Channel = { platform: 'tiktok', handle: 'Handle', url: 'https://www.tiktok.com/@Handle' };
const YOUTUBE: Channel = { platform: 'youtube', handle: '@VTV24', url: 'https://www.youtube.com/@VTV24' };
const X: Channel = { platform: 'x', handle: 'handle', url: 'https://x.com/handle' };
const FACEBOOK: Channel = { platform: 'facebook', handle: 'baotuoitre', url: 'https://www.facebook.com/baotuoitre' };
const ALL = [TIKTOK, YOUTUBE, X, FACEBOOK];

describe('checkPublicationUrl', () => {
  it.each([
    {
      name: 'a TikTok video on the creator’s @handle (case-insensitive)',
      url: 'https://www.tiktok.com/@handle/video/7312345678901234567',
      platform: 'tiktok',
      channels: [TIKTOK],
    },
    {
      name: 'a TikTok video with the handle in capitals',
      url: 'https://www.tiktok.com/@HANDLE/video/123',
      platform: 'tiktok',
      channels: [TIKTOK],
    },
    {
      name: 'a TikTok address without www',
      url: 'https://tiktok.com/@handle/video/123',
      platform: 'tiktok',
      channels: [TIKTOK],
    },
    {
      name: 'a TikTok mobile short link (vm.tiktok.com)',
      url: 'https://vm.tiktok.com/ZMhvqKp3X/',
      platform: 'tiktok',
      channels: [TIKTOK],
    },
    { name: 'a youtu.be short link', url: 'https://youtu.be/xyz', platform: 'youtube', channels: [YOUTUBE] },
    {
      name: 'a youtube watch link',
      url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      platform: 'youtube',
      channels: [YOUTUBE],
    },
    { name: 'a youtube short', url: 'https://www.youtube.com/shorts/abc123', platform: 'youtube', channels: [YOUTUBE] },
    {
      name: 'a youtube video on the creator’s @channel',
      url: 'https://www.youtube.com/@vtv24/videos',
      platform: 'youtube',
      channels: [YOUTUBE],
    },
    { name: 'a post on x.com by the creator', url: 'https://x.com/handle/status/1', platform: 'x', channels: [X] },
    {
      name: 'a post on twitter.com by the creator',
      url: 'https://twitter.com/Handle/status/1',
      platform: 'x',
      channels: [X],
    },
    {
      name: 'a post on m.facebook.com',
      url: 'https://m.facebook.com/story.php?story_fbid=1&id=2',
      platform: 'facebook',
      channels: [FACEBOOK],
    },
    {
      name: 'a video on the creator’s facebook page, mobile host',
      url: 'https://m.facebook.com/baotuoitre/videos/123',
      platform: 'facebook',
      channels: [FACEBOOK],
    },
    { name: 'a fb.watch short link', url: 'https://fb.watch/abcDEF123/', platform: 'facebook', channels: [FACEBOOK] },
    {
      name: 'a facebook watch link',
      url: 'https://www.facebook.com/watch?v=123',
      platform: 'facebook',
      channels: [FACEBOOK],
    },
    {
      name: 'the right platform among several channels',
      url: 'https://www.tiktok.com/@handle/video/1',
      platform: 'tiktok',
      channels: ALL,
    },
  ])('accepts $name', ({ url, platform, channels }) => {
    expect(checkPublicationUrl(url, platform, channels)).toEqual({ ok: true });
  });

  it.each([
    {
      name: 'another TikTok @handle',
      url: 'https://www.tiktok.com/@someoneelse/video/123',
      platform: 'tiktok',
      channels: [TIKTOK],
      reason: 'other_channel',
    },
    {
      name: 'a handle that only starts with the creator’s',
      url: 'https://www.tiktok.com/@handle2/video/123',
      platform: 'tiktok',
      channels: [TIKTOK],
      reason: 'other_channel',
    },
    {
      name: 'a post on x.com by someone else',
      url: 'https://x.com/other/status/1',
      platform: 'x',
      channels: [X],
      reason: 'other_channel',
    },
    {
      name: 'another youtube @channel',
      url: 'https://www.youtube.com/@VTVgo/videos',
      platform: 'youtube',
      channels: [YOUTUBE],
      reason: 'other_channel',
    },
    {
      name: 'a youtube address for a TikTok publication',
      url: 'https://www.youtube.com/watch?v=abc',
      platform: 'tiktok',
      channels: ALL,
      reason: 'wrong_platform',
    },
    {
      name: 'a look-alike host',
      url: 'https://tiktok.com.example.vn/@handle/video/1',
      platform: 'tiktok',
      channels: [TIKTOK],
      reason: 'wrong_platform',
    },
    {
      name: 'a host that only ends like the platform’s',
      url: 'https://nottiktok.com/@handle/video/1',
      platform: 'tiktok',
      channels: [TIKTOK],
      reason: 'wrong_platform',
    },
    {
      name: 'text that is not an address',
      url: 'not a url',
      platform: 'tiktok',
      channels: [TIKTOK],
      reason: 'not_a_url',
    },
    {
      name: 'an address without https://',
      url: 'www.tiktok.com/@handle/video/1',
      platform: 'tiktok',
      channels: [TIKTOK],
      reason: 'not_a_url',
    },
    {
      name: 'a creator with no channel on the platform',
      url: 'https://www.tiktok.com/@handle/video/1',
      platform: 'tiktok',
      channels: [YOUTUBE, X],
      reason: 'no_channel_on_platform',
    },
    {
      name: 'a creator with no channels at all',
      url: 'https://youtu.be/xyz',
      platform: 'youtube',
      channels: [],
      reason: 'no_channel_on_platform',
    },
  ])('refuses $name: $reason', ({ url, platform, channels, reason }) => {
    const verdict = checkPublicationUrl(url, platform, channels);
    expect(verdict).toMatchObject({ ok: false, reason });
    expect((verdict as { message: string }).message.length).toBeGreaterThan(10);
  });

  it('names the wrong account and the creator’s own in the message', () => {
    const verdict = checkPublicationUrl('https://www.tiktok.com/@someoneelse/video/1', 'tiktok', [TIKTOK]);
    expect(verdict).toMatchObject({ ok: false, message: expect.stringContaining('@someoneelse') });
    expect((verdict as { message: string }).message).toContain('@handle');
  });

  it('answers with a verdict, never an exception, for an address with a stray %', () => {
    expect(() => checkPublicationUrl('https://www.tiktok.com/@handle%/video/1', 'tiktok', [TIKTOK])).not.toThrow();
  });

  it('answers every string with a verdict, never an exception (property)', () => {
    const HOSTS: [string, string][] = [
      ['tiktok', 'https://www.tiktok.com/'],
      ['youtube', 'https://youtu.be/'],
      ['x', 'https://x.com/'],
      ['facebook', 'https://m.facebook.com/'],
    ];
    const arbCase = fc.oneof(
      fc.tuple(fc.string(), fc.constantFrom(...HOSTS.map(([p]) => p))),
      fc.tuple(
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.constantFrom(...HOSTS.map(([p]) => p)),
      ),
      // an address on the platform's own host, its path made of what matters there: @ handles, %-escapes, separators
      fc
        .tuple(
          fc.constantFrom(...HOSTS),
          fc.string({
            unit: fc.constantFrom('a', 'H', '@', '%', '2', 'F', 'e', '/', '.', '?', '=', '#', 'ệ'),
            maxLength: 12,
          }),
        )
        .map(([[platform, host], path]): [string, string] => [host + path, platform]),
    );
    fc.assert(
      fc.property(arbCase, ([url, platform]) => {
        const verdict = checkPublicationUrl(url, platform, ALL);
        expect(typeof verdict.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
