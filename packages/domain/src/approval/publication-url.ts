import { normalizeHandle } from '../creator/channel-handle';

/** The hosts each platform publishes on. */
export const PLATFORM_HOSTS: Record<string, string[]> = {
  tiktok: ['tiktok.com'],
  youtube: ['youtube.com', 'youtu.be'],
  facebook: ['facebook.com', 'fb.watch', 'fb.com'],
  instagram: ['instagram.com'],
  x: ['x.com', 'twitter.com'],
  zalo: ['zalo.me'],
};

/** Short links name a video, never an account: they pass on the host. */
const SHORT_LINK_HOSTS = ['youtu.be', 'vm.tiktok.com', 'vt.tiktok.com', 'fb.watch'];

export type PublicationUrlVerdict =
  | { ok: true }
  | { ok: false; reason: 'not_a_url' | 'wrong_platform' | 'no_channel_on_platform' | 'other_channel'; message: string };

/**
 * Is a published URL on the platform and one of the channels the creator
 * registered? It must be on the platform's host; the creator must have a
 * channel there; and where the URL names an account (`/@handle`, or a first
 * path segment that is a handle), it must be theirs. Platforms whose video
 * links name no account (youtu.be/…, facebook.com/watch?v=…) pass on the host.
 */
export function checkPublicationUrl(
  url: string,
  platform: string,
  channels: { platform: string; handle: string; url: string }[],
): PublicationUrlVerdict {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'not_a_url', message: 'Give the full address, starting with https://' };
  }
  const host = parsed.hostname.toLowerCase().replace(/^(www|m|vm|mobile)\./, '');
  const hosts = PLATFORM_HOSTS[platform] ?? [];
  if (!hosts.some((h) => host === h || host.endsWith(`.${h}`))) {
    return {
      ok: false,
      reason: 'wrong_platform',
      message: `That is not a ${platform} address (${hosts.join(', ') || 'no known host'})`,
    };
  }
  const mine = channels.filter((c) => c.platform === platform);
  if (mine.length === 0)
    return {
      ok: false,
      reason: 'no_channel_on_platform',
      message: `The creator has no registered ${platform} channel`,
    };
  if (SHORT_LINK_HOSTS.includes(parsed.hostname.toLowerCase().replace(/^www\./, ''))) return { ok: true };
  const handles = new Set(mine.map((c) => normalizeHandle(c.handle)));
  let first: string;
  try {
    first = decodeURIComponent(parsed.pathname.split('/').filter(Boolean)[0] ?? '');
  } catch {
    return {
      ok: false,
      reason: 'not_a_url',
      message: 'The address is malformed (a stray %); copy it again from the platform',
    };
  }
  const named = first.startsWith('@') ? normalizeHandle(first) : null;
  if (named !== null && !handles.has(named)) {
    return {
      ok: false,
      reason: 'other_channel',
      message: `@${named} is not a registered channel of the creator (registered: ${[...handles].map((h) => `@${h}`).join(', ')})`,
    };
  }
  const registeredPaths = mine
    .map((c) => {
      try {
        return new URL(c.url).pathname.replace(/\/+$/, '').toLowerCase();
      } catch {
        return null;
      }
    })
    .filter((p): p is string => !!p && p !== '');
  const accountLike =
    named === null &&
    first !== '' &&
    !['watch', 'video', 'reel', 'reels', 'p', 'shorts', 'status', 'story.php', 'permalink.php', 'share', 'i'].includes(
      first.toLowerCase(),
    );
  if (
    accountLike &&
    !handles.has(normalizeHandle(first)) &&
    !registeredPaths.some((p) => parsed.pathname.toLowerCase().startsWith(p))
  ) {
    return { ok: false, reason: 'other_channel', message: `${first} is not a registered channel of the creator` };
  }
  return { ok: true };
}
