import { foldText } from '../text/fold';

/**
 * What a machine checks on every version before a person spends time on it.
 * Pure functions; results are stored with the version. A failing check
 * blocks approval unless a legal officer overrides it with a reason.
 */
export const CHECKS = [
  'disclosure_label',
  'required_hashtags',
  'key_messages',
  'platform_limits',
  'media_checksums',
] as const;
export type CheckName = (typeof CHECKS)[number];

/** What a check found, as a stable code a portal words in the reader's language. */
export const CHECK_FINDINGS = [
  'label_unknown',
  'label_present',
  'label_missing',
  'hashtags_missing',
  'hashtags_present',
  'hashtags_none',
  'messages_missing',
  'messages_present',
  'too_long',
  'within_limits',
  'no_media',
  'checksums_missing',
  'checksums_present',
] as const;
export type CheckFinding = (typeof CHECK_FINDINGS)[number];

/** A text part over its platform's limit, in graphemes. */
export interface LimitOverrun {
  part: 'caption' | 'title';
  length: number;
  limit: number;
}

export interface CheckResult {
  check: CheckName;
  passed: boolean;
  finding: CheckFinding;
  /** What the finding is about: the label, the missing or present hashtags, the missing key messages, the media without checksums. */
  values: string[];
  /** For `too_long`: which parts are over, by how much. */
  overruns?: LimitOverrun[];
  /** The same in English words, for logs, the API's error messages and clients that do not word findings. */
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
  return tag
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

export function runChecks(content: ContentToCheck, context: CheckContext): CheckResult[] {
  const all = `${content.title ?? ''}\n${content.text}`;
  const tags = hashtagsOf(all);
  const results: CheckResult[] = [];

  const label = context.disclosureLabel;
  results.push(
    !label
      ? {
          check: 'disclosure_label',
          passed: false,
          finding: 'label_unknown',
          values: [],
          detail: 'No disclosure label is known for this agreement',
        }
      : containsFolded(all, label)
        ? {
            check: 'disclosure_label',
            passed: true,
            finding: 'label_present',
            values: [label],
            detail: `Carries "${label}"`,
          }
        : {
            check: 'disclosure_label',
            passed: false,
            finding: 'label_missing',
            values: [label],
            detail: `The disclosure label "${label}" is missing`,
          },
  );

  const missingTags = context.requiredHashtags.filter((t) => !tags.has(foldHashtag(t)));
  results.push(
    missingTags.length
      ? {
          check: 'required_hashtags',
          passed: false,
          finding: 'hashtags_missing',
          values: missingTags,
          detail: `Missing ${missingTags.join(', ')}`,
        }
      : context.requiredHashtags.length
        ? {
            check: 'required_hashtags',
            passed: true,
            finding: 'hashtags_present',
            values: context.requiredHashtags,
            detail: `Has ${context.requiredHashtags.join(', ')}`,
          }
        : {
            check: 'required_hashtags',
            passed: true,
            finding: 'hashtags_none',
            values: [],
            detail: 'No hashtags required',
          },
  );

  const missingMessages = context.keyMessages.filter((m) => !containsFolded(all, m));
  results.push(
    missingMessages.length
      ? {
          check: 'key_messages',
          passed: false,
          finding: 'messages_missing',
          values: missingMessages,
          detail: `Missing key messages: ${missingMessages.map((m) => `"${m}"`).join('; ')}`,
        }
      : {
          check: 'key_messages',
          passed: true,
          finding: 'messages_present',
          values: [],
          detail: 'Every key message is there',
        },
  );

  const limits = PLATFORM_LIMITS[content.platform] ?? {};
  const overruns: LimitOverrun[] = [];
  const captionLength = characterCount(content.text);
  if (limits.caption !== undefined && captionLength > limits.caption)
    overruns.push({ part: 'caption', length: captionLength, limit: limits.caption });
  const titleLength = content.title ? characterCount(content.title) : 0;
  if (limits.title !== undefined && titleLength > limits.title)
    overruns.push({ part: 'title', length: titleLength, limit: limits.title });
  results.push(
    overruns.length
      ? {
          check: 'platform_limits',
          passed: false,
          finding: 'too_long',
          values: [],
          overruns,
          detail: `Too long for ${content.platform}: ${overruns.map((o) => `${o.part} ${o.length}/${o.limit}`).join(', ')} characters`,
        }
      : {
          check: 'platform_limits',
          passed: true,
          finding: 'within_limits',
          values: [],
          detail: `Within ${content.platform}'s limits`,
        },
  );

  const unchecked = content.media.filter((m) => !/^[0-9a-f]{64}$/.test(m.sha256)).map((m) => m.url);
  results.push(
    content.media.length === 0
      ? { check: 'media_checksums', passed: true, finding: 'no_media', values: [], detail: 'No media listed' }
      : unchecked.length
        ? {
            check: 'media_checksums',
            passed: false,
            finding: 'checksums_missing',
            values: unchecked,
            detail: `No sha256 for ${unchecked.join(', ')}`,
          }
        : {
            check: 'media_checksums',
            passed: true,
            finding: 'checksums_present',
            values: [],
            detail: `${content.media.length} media file(s) with checksums`,
          },
  );
  return results;
}

/** Checks that fail and are not overridden. */
export function blockingChecks(results: CheckResult[], overridden: CheckName[]): CheckResult[] {
  return results.filter((r) => !r.passed && !overridden.includes(r.check));
}
