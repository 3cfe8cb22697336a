import { foldText } from '../text/fold';

/**
 * What a machine checks on every version before a person spends time on it.
 * Pure functions; results are stored with the version. A failing check
 * blocks approval unless a legal officer overrides it with a reason.
 */
export const CHECKS = ['disclosure_label', 'required_hashtags', 'key_messages', 'platform_limits', 'media_checksums'] as const;
export type CheckName = (typeof CHECKS)[number];

export interface CheckResult {
  check: CheckName;
  passed: boolean;
  /** What a person reads: what is missing or too long. */
  detail: string;
}

export interface MediaReference {
  url: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

export interface ContentToCheck {
  platform: string;
  title: string | null;
  text: string;
  media: MediaReference[];
}

export interface CheckContext {
  /** The agreement's label, e.g. "#HợpTác cùng Cục TTCS&TTĐN"; null when none is known (then the check fails). */
  disclosureLabel: string | null;
  requiredHashtags: string[];
  keyMessages: string[];
}

/** Per platform: the most characters (as people count them: graphemes) in the caption, and in the title where there is one. */
export const PLATFORM_LIMITS: Record<string, { caption?: number; title?: number }> = {
  x: { caption: 280 },
  tiktok: { caption: 2200 },
  instagram: { caption: 2200 },
  youtube: { title: 100, caption: 5000 },
  facebook: { caption: 63_206 },
  zalo: { caption: 2000 },
};

const segmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/** Characters as a person counts them: an emoji with modifiers or a letter with its accents is one. */
export function characterCount(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text.normalize('NFC'))) n++;
  return n;
}

/** Accent- and case-insensitive containment, on words: "Viet Nam" is found in "…việt nam…", "nam" is not found in "namsach". */
export function containsFolded(haystack: string, needle: string): boolean {
  const n = foldWords(needle);
  if (!n) return true;
  return ` ${foldWords(haystack)} `.includes(` ${n} `);
}

/** Folded text with punctuation at the edges of words dropped ("chủ nhà." → "chu nha"), inner punctuation kept ("TP.HCM"). */
function foldWords(text: string): string {
  return foldText(text)
    .split(' ')
    .map((w) => w.replace(/^[.@_-]+|[.@_-]+$/g, ''))
    .filter(Boolean)
    .join(' ');
}

/** The hashtags of a text, folded (#HướngVềLáCờ → #huongvelaco). */
export function hashtagsOf(text: string): Set<string> {
  return new Set([...text.normalize('NFC').matchAll(/#[\p{L}\p{N}_]+/gu)].map((m) => foldHashtag(m[0])));
}

function foldHashtag(tag: string): string {
  return tag.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

export function runChecks(content: ContentToCheck, context: CheckContext): CheckResult[] {
  const all = `${content.title ?? ''}\n${content.text}`;
  const tags = hashtagsOf(all);
  const results: CheckResult[] = [];

  const label = context.disclosureLabel;
  results.push(
    !label
      ? { check: 'disclosure_label', passed: false, detail: 'No disclosure label is known for this agreement' }
      : containsFolded(all, label)
        ? { check: 'disclosure_label', passed: true, detail: `Carries "${label}"` }
        : { check: 'disclosure_label', passed: false, detail: `The disclosure label "${label}" is missing` },
  );

  const missingTags = context.requiredHashtags.filter((t) => !tags.has(foldHashtag(t)));
  results.push({
    check: 'required_hashtags',
    passed: missingTags.length === 0,
    detail: missingTags.length ? `Missing ${missingTags.join(', ')}` : context.requiredHashtags.length ? `Has ${context.requiredHashtags.join(', ')}` : 'No hashtags required',
  });

  const missingMessages = context.keyMessages.filter((m) => !containsFolded(all, m));
  results.push({
    check: 'key_messages',
    passed: missingMessages.length === 0,
    detail: missingMessages.length ? `Missing key messages: ${missingMessages.map((m) => `"${m}"`).join('; ')}` : 'Every key message is there',
  });

  const limits = PLATFORM_LIMITS[content.platform] ?? {};
  const over: string[] = [];
  const captionLength = characterCount(content.text);
  if (limits.caption !== undefined && captionLength > limits.caption) over.push(`caption ${captionLength}/${limits.caption}`);
  const titleLength = content.title ? characterCount(content.title) : 0;
  if (limits.title !== undefined && titleLength > limits.title) over.push(`title ${titleLength}/${limits.title}`);
  results.push({
    check: 'platform_limits',
    passed: over.length === 0,
    detail: over.length ? `Too long for ${content.platform}: ${over.join(', ')} characters` : `Within ${content.platform}'s limits`,
  });

  const unchecked = content.media.filter((m) => !/^[0-9a-f]{64}$/.test(m.sha256));
  results.push({
    check: 'media_checksums',
    passed: unchecked.length === 0,
    detail: content.media.length === 0 ? 'No media listed' : unchecked.length ? `No sha256 for ${unchecked.map((m) => m.url).join(', ')}` : `${content.media.length} media file(s) with checksums`,
  });
  return results;
}

/** Checks that fail and are not overridden. */
export function blockingChecks(results: CheckResult[], overridden: CheckName[]): CheckResult[] {
  return results.filter((r) => !r.passed && !overridden.includes(r.check));
}
