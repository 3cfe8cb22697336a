import { DomainError } from '@concord/domain';

/** The version a write expects, from If-Match: `"v3"` (the ETag), `W/"v3"` or `3`. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const match = /^(?:W\/)?"?v?(\d+)"?$/.exec(header.trim());
  if (!match) {
    throw new DomainError('validation.failed', 'If-Match must carry the version you expect, e.g. "v3"', [
      { path: 'header.if-match', code: 'invalid', message: 'Send the ETag you read' },
    ]);
  }
  return Number(match[1]);
}
