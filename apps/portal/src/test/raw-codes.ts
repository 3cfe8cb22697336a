/**
 * Codes of the API that a reader should never see as such: snake_case keys
 * (`agency_review`, `changes_requested`), stage keys with their agency
 * (`partner_review:mofa`), and lists of platform or language codes
 * (`tiktok, facebook`, `vi, en`). Returns what it found in `text`.
 */
export function rawCodes(text: string): string[] {
  const patterns = [
    /\b[a-z]+(?:_[a-z]+)+(?::[a-z-]+)?\b/g,
    /\b(?:tiktok|facebook|youtube|instagram|zalo|x)(?:, (?:tiktok|facebook|youtube|instagram|zalo|x))+\b/g,
    /\b(?:vi|en|fr|zh|ko|ja)(?:, (?:vi|en|fr|zh|ko|ja))+\b/g,
  ];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[0]));
}
