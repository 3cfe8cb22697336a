/**
 * The identity of a channel on its platform: the handle compared
 * case-insensitively and without a leading `@`.
 */
export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@+/, '').toLowerCase();
}

export function channelKey(platform: string, handle: string): string {
  return `${platform}:${normalizeHandle(handle)}`;
}
